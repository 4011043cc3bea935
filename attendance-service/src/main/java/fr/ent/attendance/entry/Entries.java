package fr.ent.attendance.entry;

import fr.ent.attendance.AttendanceConfig;
import fr.ent.attendance.threshold.ThresholdService;
import fr.ent.audit.AuditTrail;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes entries on pupils' records with everything that goes with them, in the caller's
 * transaction: the half-days an absence touches, the audit trail, the events, and the threshold
 * check (counted here, alerts kept by {@link ThresholdService}). Batched:
 * a whole register's entries cost a few statements, not a few per pupil.
 */
@ApplicationScoped
public class Entries {

    private final EntryRepository repository;
    private final AttendanceEvents events;
    private final ThresholdService threshold;
    private final SchoolClock clock;
    private final LocalTime afternoon;
    private final AuditTrail audit;

    public Entries(EntryRepository repository, AttendanceEvents events, ThresholdService threshold, SchoolClock clock,
                   AttendanceConfig config, AuditTrail audit) {
        this.repository = repository;
        this.events = events;
        this.threshold = threshold;
        this.clock = clock;
        this.afternoon = config.afternoonStartsAt();
        this.audit = audit;
    }

    public void record(List<AttendanceEntry> entries) {
        record(entries, AttendanceEvents.Context.NONE);
    }

    public void record(List<AttendanceEntry> entries, AttendanceEvents.Context at) {
        if (entries.isEmpty()) {
            return;
        }
        repository.insertAll(entries);
        audit.changed(entries.stream()
                .map(e -> new AuditTrail.Change(e.schoolId(), e.pupilId(), e.auditAction("recorded"), e.id())).toList());
        List<Object[]> halfDayRows = new ArrayList<>();
        Map<UUID, UUID> counted = new HashMap<>();
        Set<YearMonth> months = new TreeSet<>();
        for (AttendanceEntry e : entries) {
            if (e.kind() == EntryKind.ABSENCE) {
                List<HalfDays.HalfDay> halfDays = HalfDays.between(clock.local(e.startsAt()), clock.local(e.endsAt()), afternoon);
                repository.insertHalfDays(e.id(), e.pupilId(), halfDays, halfDayRows);
                if (e.counts()) {
                    counted.put(e.pupilId(), e.schoolId());
                    halfDays.forEach(h -> months.add(YearMonth.from(h.day())));
                }
            }
        }
        events.recorded(entries, at);
        repository.flushHalfDays(halfDayRows);
        checkThreshold(counted, months);
    }

    /** The entry no longer exists for counts or views; an event says so (absences only: the contract). */
    public void cancel(AttendanceEntry e) {
        repository.updateStatus(e.id(), EntryStatus.CANCELLED, e.reasonId());
        audit.changed(e.schoolId(), e.pupilId(), e.auditAction("cancelled"), e.id());
        if (e.kind() == EntryKind.ABSENCE) {
            repository.deleteHalfDays(e.id());
            events.cancelled(e);
        }
    }

    public void justify(AttendanceEntry e, UUID reasonId) {
        repository.updateStatus(e.id(), EntryStatus.JUSTIFIED, reasonId);
        events.justified(e.withStatus(EntryStatus.JUSTIFIED, reasonId), reasonId, true);
    }

    public void refuse(AttendanceEntry e, UUID proposedReason) {
        events.justified(e, proposedReason, false);
    }

    /**
     * Staff set a reason: a justifying one justifies the entry ({@link #justify}); otherwise the
     * status is stored, and an absence that was justified counts again (its months are recounted).
     */
    public void changeReason(AttendanceEntry e, UUID reasonId, EntryStatus status) {
        if (status == EntryStatus.JUSTIFIED && e.status() != EntryStatus.JUSTIFIED) {
            justify(e, reasonId);
            return;
        }
        repository.updateStatus(e.id(), status, reasonId);
        if (status == EntryStatus.UNJUSTIFIED && e.status() == EntryStatus.JUSTIFIED && e.kind() == EntryKind.ABSENCE) {
            checkThreshold(Map.of(e.pupilId(), e.schoolId()),
                    new TreeSet<>(List.of(YearMonth.from(clock.local(e.startsAt())), YearMonth.from(clock.local(e.endsAt())))));
        }
    }

    /** Counts these pupils' months (pupil → school; one query a month) and publishes the alerts now raised. */
    private void checkThreshold(Map<UUID, UUID> schoolOfPupil, Set<YearMonth> months) {
        if (schoolOfPupil.isEmpty()) {
            return;
        }
        for (YearMonth month : months) {
            Map<UUID, Integer> counts = repository.unjustifiedHalfDays(schoolOfPupil.keySet(), month.atDay(1),
                    month.atEndOfMonth());
            threshold.raise(month, counts, schoolOfPupil)
                    .forEach(a -> events.thresholdReached(a.pupilId(), a.schoolId(), a.month(), a.halfDays()));
        }
    }
}
