package fr.ent.attendance.absence;

import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.AttendanceEvents;
import fr.ent.attendance.entry.Entries;
import fr.ent.attendance.entry.EntryKind;
import fr.ent.attendance.entry.EntryOrigin;
import fr.ent.attendance.entry.EntryRepository;
import fr.ent.attendance.entry.EntryStatus;
import fr.ent.attendance.reason.Reason;
import fr.ent.attendance.reason.ReasonService;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** What staff (vie scolaire) put on pupils' records by hand: absences, lateness, early departures. */
@ApplicationScoped
public class AbsenceService {

    private final Entries entries;
    private final EntryRepository repository;
    private final ReasonService reasons;
    private final Directory directory;
    private final Relationships relationships;
    private final CurrentUser user;
    private final SchoolClock clock;
    private final Jdbc jdbc;
    private final EntryViews views;
    private final AuditTrail audit;

    public AbsenceService(Entries entries, EntryRepository repository, ReasonService reasons, Directory directory,
                          Relationships relationships, CurrentUser user, SchoolClock clock, Jdbc jdbc, EntryViews views,
                          AuditTrail audit) {
        this.entries = entries;
        this.repository = repository;
        this.reasons = reasons;
        this.directory = directory;
        this.relationships = relationships;
        this.user = user;
        this.clock = clock;
        this.jdbc = jdbc;
        this.views = views;
        this.audit = audit;
    }

    /** An absence, possibly known ahead of time; refused when it overlaps one already recorded. */
    @Transactional
    public EntryView recordAbsence(RecordEntry in) {
        UUID school = relationships.requireStaffOfPupil(in.pupilId());
        if (in.endsAt() == null || !in.endsAt().isAfter(in.startsAt())) {
            throw Problems.invalidField("endsAt", "obligatoire, après startsAt");
        }
        if (in.lateMinutes() != null) {
            throw Problems.invalidField("lateMinutes", "seulement pour un retard");
        }
        OffsetDateTime start = clock.at(in.startsAt());
        OffsetDateTime end = clock.at(in.endsAt());
        lockPupil(in.pupilId());
        if (!repository.absencesOverlapping(List.of(in.pupilId()), start, end).isEmpty()) {
            throw Problems.conflict("overlapping-absence", "Une absence est déjà enregistrée sur cette période pour cet élève.");
        }
        return save(school, in.pupilId(), EntryKind.ABSENCE, start, end, null, in.reasonId(), in.comment(),
                EntryOrigin.STAFF, null);
    }

    @Transactional
    public EntryView recordLateness(RecordEntry in) {
        UUID school = relationships.requireStaffOfPupil(in.pupilId());
        if (in.lateMinutes() == null) {
            throw Problems.invalidField("lateMinutes", "obligatoire pour un retard");
        }
        if (in.startsAt().toLocalDate().isAfter(clock.today())) {
            throw Problems.badRequest("future-date", "Un retard ne s'enregistre pas à l'avance.");
        }
        OffsetDateTime start = clock.at(in.startsAt());
        return save(school, in.pupilId(), EntryKind.LATENESS, start, start.plusMinutes(in.lateMinutes()), in.lateMinutes(),
                in.reasonId(), in.comment(), EntryOrigin.STAFF, null);
    }

    @Transactional
    public EntryView recordEarlyDeparture(RecordEntry in) {
        UUID school = relationships.requireStaffOfPupil(in.pupilId());
        if (in.lateMinutes() != null) {
            throw Problems.invalidField("lateMinutes", "seulement pour un retard");
        }
        // Without an end, the pupil is away for the rest of the school day.
        java.time.LocalDateTime end = in.endsAt() == null ? in.startsAt().toLocalDate().atTime(18, 0) : in.endsAt();
        if (!end.isAfter(in.startsAt())) {
            throw Problems.invalidField("endsAt", "après startsAt");
        }
        return save(school, in.pupilId(), EntryKind.EARLY_DEPARTURE, clock.at(in.startsAt()), clock.at(end), null,
                in.reasonId(), in.comment(), EntryOrigin.STAFF, null);
    }

    /** A school trip: every pupil of the class or group absent for the period, except those already absent. */
    @Transactional
    public CollectiveAbsence recordCollective(RecordCollectiveAbsence in) {
        DirectoryClassGroup group = directory.classGroup(in.groupId())
                .orElseThrow(() -> Problems.notFound("Classe ou groupe introuvable."));
        relationships.requireStaffOf(group.schoolId());
        if (!in.endsAt().isAfter(in.startsAt())) {
            throw Problems.invalidField("endsAt", "après startsAt");
        }
        Reason reason = in.reasonId() == null ? null : reasons.usable(group.schoolId(), in.reasonId(), "reasonId");
        OffsetDateTime start = clock.at(in.startsAt());
        OffsetDateTime end = clock.at(in.endsAt());
        Set<UUID> pupils = new TreeSet<>(directory.pupilsOf(group.id(), in.startsAt().toLocalDate()));
        pupils.forEach(this::lockPupil);
        Map<UUID, UUID> already = repository.absencesOverlapping(pupils, start, end);
        UUID collectiveId = UUID.randomUUID();
        UUID me = user.actorId();
        OffsetDateTime now = clock.now();
        List<AttendanceEntry> created = new ArrayList<>();
        for (UUID pupil : pupils) {
            if (!already.containsKey(pupil)) {
                created.add(new AttendanceEntry(UUID.randomUUID(), group.schoolId(), pupil, EntryKind.ABSENCE, start, end, null,
                        reason == null ? null : reason.id(), status(reason), EntryOrigin.COLLECTIVE, null, collectiveId,
                        in.comment(), me, now));
            }
        }
        entries.record(created, new AttendanceEvents.Context(group.id(), null));
        return new CollectiveAbsence(collectiveId, group.id(), views.forSchool(created),
                already.keySet().stream().sorted().toList());
    }

    /** Staff cancel an entry recorded by mistake; it stops counting and an event says so. */
    @Transactional
    public EntryView cancel(UUID entryId) {
        AttendanceEntry entry = repository.lock(entryId).orElseThrow(AbsenceService::entryNotFound);
        relationships.requireStaffOf(entry.schoolId());
        if (entry.status() == EntryStatus.CANCELLED) {
            throw Problems.conflict("entry-cancelled", "Cette saisie est déjà annulée.");
        }
        entries.cancel(entry);
        return views.forSchool(List.of(entry.withStatus(EntryStatus.CANCELLED, entry.reasonId()))).get(0);
    }

    /** Staff set the reason; a justifying reason justifies the entry, a non-justifying one makes it count again. */
    @Transactional
    public EntryView setReason(UUID entryId, UUID reasonId) {
        AttendanceEntry entry = repository.lock(entryId).orElseThrow(AbsenceService::entryNotFound);
        relationships.requireStaffOf(entry.schoolId());
        if (entry.status() == EntryStatus.CANCELLED) {
            throw Problems.conflict("entry-cancelled", "Cette saisie est annulée.");
        }
        Reason reason = reasons.usable(entry.schoolId(), reasonId, "reasonId");
        EntryStatus status = status(reason);
        audit.changed(entry.schoolId(), entry.pupilId(), entry.auditAction("reason-set"), entry.id());
        entries.changeReason(entry, reason.id(), status);
        return views.forSchool(List.of(entry.withStatus(status, reason.id()))).get(0);
    }

    private EntryView save(UUID school, UUID pupil, EntryKind kind, OffsetDateTime start, OffsetDateTime end,
                           Integer lateMinutes, UUID reasonId, String comment, EntryOrigin origin, UUID collective) {
        Reason reason = reasonId == null ? null : reasons.usable(school, reasonId, "reasonId");
        AttendanceEntry entry = new AttendanceEntry(UUID.randomUUID(), school, pupil, kind, start, end, lateMinutes,
                reasonId, status(reason), origin, null, collective, comment, user.actorId(), clock.now());
        entries.record(List.of(entry));
        return views.forSchool(List.of(entry)).get(0);
    }

    private static EntryStatus status(Reason reason) {
        return reason != null && reason.justifying() ? EntryStatus.JUSTIFIED : EntryStatus.UNJUSTIFIED;
    }

    /** Serialises writers of one pupil's absences, so two overlapping ones cannot both pass the check. */
    private void lockPupil(UUID pupil) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> 1, pupil.toString());
    }

    static RuntimeException entryNotFound() {
        return Problems.notFound("Saisie introuvable.");
    }
}
