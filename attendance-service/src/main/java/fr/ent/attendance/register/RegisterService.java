package fr.ent.attendance.register;

import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.AttendanceEvents;
import fr.ent.attendance.entry.Entries;
import fr.ent.attendance.entry.EntryRepository;
import fr.ent.lessons.LessonOccurrence;
import fr.ent.lessons.LessonOccurrences;
import fr.ent.attendance.support.Access;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.Relationships;
import fr.ent.events.IdempotentRequests;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registers (appel), the writes: open the register of a lesson, take the roll call of the whole
 * class in one request, correct a mark (its history kept), validate and reopen (staff). The rules
 * are {@link RollCallRules}'; the reads and the views answered are {@link RegisterViews}'.
 */
@ApplicationScoped
public class RegisterService {

    /** What the resource answers: the register, whether it was created, whether this is a replay. */
    public record Outcome(RegisterView register, boolean created, boolean replayed) {
    }

    private final RegisterRepository registers;
    private final RegisterViews views;
    private final EntryRepository entryRepository;
    private final Entries entries;
    private final IdempotentRequests idempotency;
    private final Directory directory;
    private final Access access;
    private final Relationships relationships;
    private final CurrentUser user;
    private final SchoolClock clock;
    private final RollCallRules rules;
    private final LessonOccurrences occurrences;

    public RegisterService(RegisterRepository registers, RegisterViews views, EntryRepository entryRepository,
                           Entries entries, IdempotentRequests idempotency, Directory directory, Access access,
                           Relationships relationships, CurrentUser user, SchoolClock clock,
                           LessonOccurrences occurrences) {
        this.occurrences = occurrences;
        this.registers = registers;
        this.views = views;
        this.entryRepository = entryRepository;
        this.entries = entries;
        this.idempotency = idempotency;
        this.directory = directory;
        this.access = access;
        this.relationships = relationships;
        this.user = user;
        this.clock = clock;
        this.rules = new RollCallRules(clock.zone());
    }

    /** Opens the register of the lesson (or finds it); with marks, takes the roll call too. */
    @Transactional
    public Outcome open(OpenRegister in, String idempotencyKey) {
        UUID me = user.actorId();
        Optional<RegisterView> first = firstAnswer(me, idempotencyKey, "open", in);
        if (first.isPresent()) {
            return new Outcome(first.get(), false, true);
        }
        rules.checkLesson(in.startsAt(), in.endsAt());
        DirectoryClassGroup group = directory.classGroup(in.groupId())
                .filter(g -> in.schoolId() == null || g.schoolId().equals(in.schoolId()))
                .orElseThrow(() -> Problems.notFound("Classe ou groupe introuvable."));
        UUID lessonId = in.timetableLessonId();
        if (in.occurrenceId() == null) {
            access.requireRollCall(group.schoolId(), group.id());
        } else {
            LessonOccurrence occurrence = occurrenceOf(in, group);
            lessonId = lessonId == null ? occurrence.lessonId() : lessonId;
        }
        UUID newId = UUID.randomUUID();
        Register register = registers.openOrLock(new Register(newId, group.schoolId(), group.id(), in.subject(), in.date(),
                in.startsAt(), in.endsAt(), lessonId, me, clock.now(), RegisterStatus.OPEN, null, null, null,
                null, in.occurrenceId()));
        boolean created = register.id().equals(newId);
        RegisterView view = in.marks() == null ? views.withNames(register) : takeRollCall(register, in.marks());
        remember(me, idempotencyKey, view);
        return new Outcome(view, created, false);
    }

    /** The roll call of an open register: one mark per pupil of the class or group, all at once. */
    @Transactional
    public Outcome submit(UUID registerId, SubmitMarks in, String idempotencyKey) {
        UUID me = user.actorId();
        Optional<RegisterView> first = firstAnswer(me, idempotencyKey, "submit:" + registerId, in);
        if (first.isPresent()) {
            return new Outcome(first.get(), false, true);
        }
        Register register = lockForRollCall(registerId);
        RegisterView view = takeRollCall(register, in.marks());
        remember(me, idempotencyKey, view);
        return new Outcome(view, false, false);
    }

    /** Corrects one pupil's mark; the previous one stays in the history. */
    @Transactional
    public RegisterView changeMark(UUID registerId, UUID pupilId, ChangeMark in) {
        Register register = lockForRollCall(registerId);
        rules.checkCorrectable(register);
        Mark old = registers.lockMark(registerId, pupilId)
                .orElseThrow(() -> Problems.notFound("Cet élève ne figure pas dans cet appel."));
        rules.checkMark(register, in.status(), in.lateMinutes(), in.leftAt(), "");
        if (rules.unchanged(old, in)) {
            return views.withNames(register);
        }
        UUID me = user.actorId();
        OffsetDateTime now = clock.now();
        if (old.entryId() != null) {
            entryRepository.lock(old.entryId())
                    .filter(e -> rules.cancelledByCorrection(e, register))
                    .ifPresent(entries::cancel);
        }
        UUID known = in.status() != MarkStatus.ABSENT ? null
                : entryRepository.absencesOverlapping(List.of(pupilId), rules.start(register), rules.end(register)).get(pupilId);
        Optional<AttendanceEntry> entry = rules.entryOf(register, pupilId, in.status(), in.lateMinutes(), in.leftAt(),
                known, me, now);
        entry.ifPresent(e -> entries.record(List.of(e), context(register)));
        UUID entryId = entry.map(AttendanceEntry::id).orElse(known);
        registers.replaceMark(old, new Mark(registerId, pupilId, in.status(), in.lateMinutes(), in.leftAt(), entryId, me, now));
        return views.withNames(register);
    }

    @Transactional
    public RegisterView validate(UUID registerId) {
        Register register = lockAsStaff(registerId);
        rules.checkValidate(register);
        registers.validated(registerId, user.actorId(), clock.now());
        return views.get(registerId);
    }

    @Transactional
    public RegisterView reopen(UUID registerId) {
        Register register = lockAsStaff(registerId);
        rules.checkReopen(register);
        registers.reopened(registerId);
        return views.get(registerId);
    }

    private RegisterView takeRollCall(Register register, List<MarkInput> input) {
        Set<UUID> marked = rules.checkRollCall(register, clock.today(), input);
        Set<UUID> roster = directory.pupilsOf(register.groupId(), register.date());
        Optional<UUID> stranger = rules.notOnRoster(marked, roster);
        if (stranger.isPresent()) {
            throw notOnRoster(stranger.get(), register);
        }
        rules.checkComplete(marked, roster);

        UUID me = user.actorId();
        OffsetDateTime now = clock.now();
        List<UUID> absentees = input.stream().filter(m -> m.status() == MarkStatus.ABSENT).map(MarkInput::pupilId).toList();
        // A pupil already known absent (trip, absence recorded ahead): the mark joins that absence.
        Map<UUID, UUID> known = entryRepository.absencesOverlapping(absentees, rules.start(register), rules.end(register));

        List<Mark> marks = new ArrayList<>(input.size());
        List<AttendanceEntry> newEntries = new ArrayList<>();
        for (MarkInput m : input) {
            Optional<AttendanceEntry> entry = rules.entryOf(register, m.pupilId(), m.status(), m.lateMinutes(), m.leftAt(),
                    known.get(m.pupilId()), me, now);
            entry.ifPresent(newEntries::add);
            UUID entryId = entry.map(AttendanceEntry::id).orElse(known.get(m.pupilId()));
            marks.add(new Mark(register.id(), m.pupilId(), m.status(), m.lateMinutes(), m.leftAt(), entryId, me, now));
        }
        registers.insertMarks(marks);
        entries.record(newEntries, context(register));
        registers.submitted(register.id(), me, now);
        Register taken = new Register(register.id(), register.schoolId(), register.groupId(), register.subject(),
                register.date(), register.startsAt(), register.endsAt(), register.timetableLessonId(), register.openedBy(),
                register.openedAt(), RegisterStatus.SUBMITTED, me, now, null, null, register.occurrenceId());
        return views.withoutNames(taken, marks);
    }

    /** The register, locked until the transaction ends, when the caller takes its roll call; else 404. */
    private Register lockForRollCall(UUID registerId) {
        RegisterRepository.Locked locked = registers.lockWithTeachers(registerId).orElseThrow(RegisterViews::registerNotFound);
        Register register = locked.register();
        access.requireRollCall(register.schoolId(), register.groupId(), locked.occurrenceTeachers());
        return register;
    }

    /**
     * The lesson occurrence a register is opened for (one lookup): known to attendance, of the
     * caller (a teacher of it, or staff of its school; else reported as unknown), of that class or
     * group and that day, not cancelled.
     */
    private LessonOccurrence occurrenceOf(OpenRegister in, DirectoryClassGroup group) {
        LessonOccurrence o = occurrences.find(in.occurrenceId())
                .filter(x -> x.schoolId().equals(group.schoolId()))
                .filter(x -> relationships.isStaffOf(x.schoolId()) || access.teachesOccurrence(x.schoolId(), x.teacherIds()))
                .orElseThrow(() -> Problems.invalidField("occurrenceId", "séance inconnue : " + in.occurrenceId()));
        if (!o.isFor(group.id())) {
            throw Problems.invalidField("occurrenceId", "cette séance n'est pas celle de cette classe ou de ce groupe");
        }
        if (!o.date().equals(in.date())) {
            throw Problems.invalidField("occurrenceId", "cette séance a lieu le " + o.date());
        }
        if (o.cancelled()) {
            throw Problems.conflict("lesson-cancelled", "Cette séance est annulée : elle n'a pas d'appel.");
        }
        return o;
    }

    /** The register, locked until the transaction ends, when the caller is staff of its school; else 404. */
    private Register lockAsStaff(UUID registerId) {
        Register register = registers.lock(registerId).orElseThrow(RegisterViews::registerNotFound);
        relationships.requireStaffOf(register.schoolId());
        return register;
    }

    /** The answer already given to this key, when the request is a repeat (none without a key). */
    private Optional<RegisterView> firstAnswer(UUID me, String key, String operation, Object request) {
        return key == null ? Optional.empty() : idempotency.firstAnswer(me, key, operation, request, RegisterView.class);
    }

    private void remember(UUID me, String key, RegisterView answer) {
        if (key != null) {
            idempotency.remember(me, key, answer);
        }
    }

    private static AttendanceEvents.Context context(Register r) {
        return new AttendanceEvents.Context(r.groupId(), r.timetableLessonId());
    }

    private RuntimeException notOnRoster(UUID pupil, Register r) {
        if (directory.person(pupil).isEmpty()) {
            return Problems.badRequest("unknown-pupil", "Élève inconnu : " + pupil + ".");
        }
        return Problems.badRequest("pupil-not-in-class", "L'élève " + pupil + " n'est pas dans cette classe ou ce groupe le "
                + r.date() + ".");
    }
}
