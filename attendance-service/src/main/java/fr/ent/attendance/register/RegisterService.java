package fr.ent.attendance.register;

import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.AttendanceEvents;
import fr.ent.attendance.entry.Entries;
import fr.ent.attendance.entry.EntryKind;
import fr.ent.attendance.entry.EntryOrigin;
import fr.ent.attendance.entry.EntryRepository;
import fr.ent.attendance.entry.EntryStatus;
import fr.ent.attendance.support.Access;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.events.IdempotentRequests;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registers (appel): open the register of a lesson, take the roll call of the whole class in one
 * request, correct a mark (its history kept), validate and reopen (staff), registers not taken.
 */
@ApplicationScoped
public class RegisterService {

    /** What the resource answers: the register, whether it was created, whether this is a replay. */
    public record Outcome(RegisterView register, boolean created, boolean replayed) {
    }

    private final RegisterRepository registers;
    private final EntryRepository entryRepository;
    private final Entries entries;
    private final IdempotentRequests idempotency;
    private final Directory directory;
    private final Access access;
    private final Relationships relationships;
    private final CurrentUser user;
    private final SchoolClock clock;

    public RegisterService(RegisterRepository registers, EntryRepository entryRepository, Entries entries,
                           IdempotentRequests idempotency, Directory directory, Access access,
                           Relationships relationships, CurrentUser user, SchoolClock clock) {
        this.registers = registers;
        this.entryRepository = entryRepository;
        this.entries = entries;
        this.idempotency = idempotency;
        this.directory = directory;
        this.access = access;
        this.relationships = relationships;
        this.user = user;
        this.clock = clock;
    }

    /** Opens the register of the lesson (or finds it); with marks, takes the roll call too. */
    @Transactional
    public Outcome open(OpenRegister in, String idempotencyKey) {
        UUID me = user.actorId();
        if (idempotencyKey != null) {
            Optional<RegisterView> first = idempotency.firstAnswer(me, idempotencyKey, "open", in, RegisterView.class);
            if (first.isPresent()) {
                return new Outcome(first.get(), false, true);
            }
        }
        if (!in.endsAt().isAfter(in.startsAt())) {
            throw Problems.invalidField("endsAt", "doit être après startsAt");
        }
        DirectoryClassGroup group = directory.classGroup(in.groupId())
                .filter(g -> in.schoolId() == null || g.schoolId().equals(in.schoolId()))
                .orElseThrow(() -> Problems.notFound("Classe ou groupe introuvable."));
        access.requireRollCall(group.schoolId(), group.id());
        UUID newId = UUID.randomUUID();
        Register register = registers.openOrLock(new Register(newId, group.schoolId(), group.id(), in.subject(), in.date(),
                in.startsAt(), in.endsAt(), in.timetableLessonId(), me, clock.now(), RegisterStatus.OPEN, null, null, null,
                null));
        boolean created = register.id().equals(newId);
        RegisterView view = in.marks() == null
                ? view(register, registers.marks(register.id()), true)
                : takeRollCall(register, in.marks());
        if (idempotencyKey != null) {
            idempotency.remember(me, idempotencyKey, view);
        }
        return new Outcome(view, created, false);
    }

    /** The roll call of an open register: one mark per pupil of the class or group, all at once. */
    @Transactional
    public Outcome submit(UUID registerId, SubmitMarks in, String idempotencyKey) {
        UUID me = user.actorId();
        if (idempotencyKey != null) {
            Optional<RegisterView> first = idempotency.firstAnswer(me, idempotencyKey, "submit:" + registerId, in,
                    RegisterView.class);
            if (first.isPresent()) {
                return new Outcome(first.get(), false, true);
            }
        }
        Register register = registers.lock(registerId).orElseThrow(RegisterService::registerNotFound);
        access.requireRollCall(register.schoolId(), register.groupId());
        RegisterView view = takeRollCall(register, in.marks());
        if (idempotencyKey != null) {
            idempotency.remember(me, idempotencyKey, view);
        }
        return new Outcome(view, false, false);
    }

    private RegisterView takeRollCall(Register register, List<MarkInput> input) {
        if (register.status() != RegisterStatus.OPEN) {
            throw Problems.conflict("register-already-taken", "L'appel de ce cours a déjà été fait ("
                    + register.status() + ") ; corrigez une marque avec PATCH .../marks/{pupilId}.");
        }
        if (register.date().isAfter(clock.today())) {
            throw Problems.badRequest("future-date", "On ne fait pas l'appel d'un cours à venir (" + register.date() + ").");
        }
        Set<UUID> marked = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            MarkInput m = input.get(i);
            checkMark(register, m.status(), m.lateMinutes(), m.leftAt(), "marks[" + i + "]");
            if (!marked.add(m.pupilId())) {
                throw Problems.invalidField("marks[" + i + "].pupilId", "élève noté deux fois");
            }
        }
        Set<UUID> roster = directory.pupilsOf(register.groupId(), register.date());
        for (UUID pupil : marked) {
            if (!roster.contains(pupil)) {
                throw notInRoster(pupil, register);
            }
        }
        if (marked.size() != roster.size()) {
            throw Problems.badRequest("incomplete-roll-call", "L'appel doit noter toute la classe : "
                    + (roster.size() - marked.size()) + " élève(s) sans marque.");
        }

        UUID me = user.actorId();
        OffsetDateTime now = clock.now();
        OffsetDateTime start = clock.at(register.date().atTime(register.startsAt()));
        OffsetDateTime end = clock.at(register.date().atTime(register.endsAt()));
        List<UUID> absentees = input.stream().filter(m -> m.status() == MarkStatus.ABSENT).map(MarkInput::pupilId).toList();
        // A pupil already known absent (trip, absence recorded ahead): the mark joins that absence.
        Map<UUID, UUID> known = entryRepository.absencesOverlapping(absentees, start, end);

        List<Mark> marks = new ArrayList<>(input.size());
        List<AttendanceEntry> newEntries = new ArrayList<>();
        for (MarkInput m : input) {
            UUID entryId = known.get(m.pupilId());
            if (m.status() != MarkStatus.PRESENT && (m.status() != MarkStatus.ABSENT || entryId == null)) {
                AttendanceEntry entry = entryFor(register, m.pupilId(), m.status(), m.lateMinutes(), m.leftAt(), me, now);
                newEntries.add(entry);
                entryId = entry.id();
            }
            marks.add(new Mark(register.id(), m.pupilId(), m.status(), m.lateMinutes(), m.leftAt(), entryId, me, now));
        }
        registers.insertMarks(marks);
        entries.record(newEntries, new AttendanceEvents.Context(register.groupId(), register.timetableLessonId()));
        registers.submitted(register.id(), me, now);
        Register taken = new Register(register.id(), register.schoolId(), register.groupId(), register.subject(),
                register.date(), register.startsAt(), register.endsAt(), register.timetableLessonId(), register.openedBy(),
                register.openedAt(), RegisterStatus.SUBMITTED, me, now, null, null);
        return view(taken, marks, false);
    }

    /** Corrects one pupil's mark; the previous one stays in the history. */
    @Transactional
    public RegisterView changeMark(UUID registerId, UUID pupilId, ChangeMark in) {
        Register register = registers.lock(registerId).orElseThrow(RegisterService::registerNotFound);
        access.requireRollCall(register.schoolId(), register.groupId());
        if (register.status() == RegisterStatus.VALIDATED) {
            throw Problems.conflict("register-validated", "Ce registre est validé : la vie scolaire doit le rouvrir.");
        }
        if (register.status() == RegisterStatus.OPEN) {
            throw Problems.conflict("register-not-taken", "L'appel de ce cours n'a pas encore été fait.");
        }
        Mark old = registers.lockMark(registerId, pupilId)
                .orElseThrow(() -> Problems.notFound("Cet élève ne figure pas dans cet appel."));
        checkMark(register, in.status(), in.lateMinutes(), in.leftAt(), "");
        if (old.sameAs(new MarkInput(pupilId, in.status(), in.lateMinutes(), in.leftAt()))) {
            return view(register, registers.marks(registerId), true);
        }
        UUID me = user.actorId();
        OffsetDateTime now = clock.now();
        if (old.entryId() != null) {
            entryRepository.lock(old.entryId())
                    .filter(e -> e.origin() == EntryOrigin.REGISTER && registerId.equals(e.registerId())
                            && e.status() != EntryStatus.CANCELLED)
                    .ifPresent(entries::cancel);
        }
        UUID entryId = null;
        if (in.status() == MarkStatus.ABSENT) {
            entryId = entryRepository.absencesOverlapping(List.of(pupilId),
                    clock.at(register.date().atTime(register.startsAt())),
                    clock.at(register.date().atTime(register.endsAt()))).get(pupilId);
        }
        if (in.status() != MarkStatus.PRESENT && entryId == null) {
            AttendanceEntry entry = entryFor(register, pupilId, in.status(), in.lateMinutes(), in.leftAt(), me, now);
            entries.record(List.of(entry), new AttendanceEvents.Context(register.groupId(), register.timetableLessonId()));
            entryId = entry.id();
        }
        registers.replaceMark(old, new Mark(registerId, pupilId, in.status(), in.lateMinutes(), in.leftAt(), entryId, me, now));
        return view(register, registers.marks(registerId), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MarkChange> history(UUID registerId, UUID pupilId) {
        Register register = registers.find(registerId).orElseThrow(RegisterService::registerNotFound);
        access.requireRollCall(register.schoolId(), register.groupId());
        List<MarkChange> changes = registers.history(registerId, pupilId);
        // a pupil who has no mark in this register is not "a pupil with no history": 404
        if (changes.isEmpty() && registers.marks(registerId).stream().noneMatch(m -> m.pupilId().equals(pupilId))) {
            throw Problems.notFound("Élève introuvable dans cet appel.");
        }
        return changes;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegisterView get(UUID registerId) {
        Register register = registers.find(registerId).orElseThrow(RegisterService::registerNotFound);
        access.requireRollCall(register.schoolId(), register.groupId());
        return view(register, registers.marks(registerId), true);
    }

    @Transactional
    public RegisterView validate(UUID registerId) {
        Register register = registers.lock(registerId).orElseThrow(RegisterService::registerNotFound);
        relationships.requireStaffOf(register.schoolId());
        if (register.status() != RegisterStatus.SUBMITTED) {
            throw Problems.conflict("register-not-submitted", "Seul un appel fait et non validé peut être validé.");
        }
        registers.validated(registerId, user.actorId(), clock.now());
        return get(registerId);
    }

    @Transactional
    public RegisterView reopen(UUID registerId) {
        Register register = registers.lock(registerId).orElseThrow(RegisterService::registerNotFound);
        relationships.requireStaffOf(register.schoolId());
        if (register.status() != RegisterStatus.VALIDATED) {
            throw Problems.conflict("register-not-validated", "Seul un registre validé peut être rouvert.");
        }
        registers.reopened(registerId);
        return get(registerId);
    }

    /**
     * The registers of the day not taken yet. Without timetable-service, the lessons "expected" are
     * the registers opened that day (by a teacher, or ahead of time by staff) and never submitted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisterView> forgotten(UUID schoolId, LocalDate date) {
        relationships.requireStaffOf(schoolId);
        return registers.notTaken(schoolId, date == null ? clock.today() : date).stream()
                .map(r -> view(r, List.of(), false)).toList();
    }

    /** A class's (or group's) day: each lesson's register with every pupil's mark. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisterView> classDay(UUID groupId, LocalDate date) {
        DirectoryClassGroup group = directory.classGroup(groupId)
                .orElseThrow(() -> Problems.notFound("Classe ou groupe introuvable."));
        access.requireRollCall(group.schoolId(), groupId);
        LocalDate day = date == null ? clock.today() : date;
        List<Register> ofDay = registers.ofGroup(groupId, day);
        Map<UUID, List<Mark>> marks = new HashMap<>();
        if (!ofDay.isEmpty()) {
            registers.marksOf(ofDay.stream().map(Register::id).toList())
                    .forEach(m -> marks.computeIfAbsent(m.registerId(), k -> new ArrayList<>()).add(m));
        }
        Map<UUID, DirectoryPerson> people = new HashMap<>();
        return ofDay.stream().map(r -> view(r, marks.getOrDefault(r.id(), List.of()), people)).toList();
    }

    // --- helpers

    private void checkMark(Register r, MarkStatus status, Integer lateMinutes, java.time.LocalTime leftAt, String at) {
        String prefix = at.isEmpty() ? "" : at + ".";
        if (status == MarkStatus.LATE && lateMinutes == null) {
            throw Problems.invalidField(prefix + "lateMinutes", "obligatoire pour un retard");
        }
        if (status != MarkStatus.LATE && lateMinutes != null) {
            throw Problems.invalidField(prefix + "lateMinutes", "seulement pour un retard");
        }
        if (status == MarkStatus.LEFT_EARLY && (leftAt == null || !leftAt.isAfter(r.startsAt()) || !leftAt.isBefore(r.endsAt()))) {
            throw Problems.invalidField(prefix + "leftAt", "obligatoire pour un départ anticipé, pendant le cours");
        }
        if (status != MarkStatus.LEFT_EARLY && leftAt != null) {
            throw Problems.invalidField(prefix + "leftAt", "seulement pour un départ anticipé");
        }
    }

    private AttendanceEntry entryFor(Register r, UUID pupil, MarkStatus status, Integer lateMinutes,
                                     java.time.LocalTime leftAt, UUID me, OffsetDateTime now) {
        OffsetDateTime start = clock.at(r.date().atTime(r.startsAt()));
        OffsetDateTime end = clock.at(r.date().atTime(r.endsAt()));
        return switch (status) {
            case ABSENT -> entry(r, pupil, EntryKind.ABSENCE, start, end, null, me, now);
            case LATE -> entry(r, pupil, EntryKind.LATENESS, start, start.plusMinutes(lateMinutes), lateMinutes, me, now);
            case LEFT_EARLY -> entry(r, pupil, EntryKind.EARLY_DEPARTURE, clock.at(r.date().atTime(leftAt)), end, null, me, now);
            case PRESENT -> throw new IllegalArgumentException("a present pupil has no entry");
        };
    }

    private static AttendanceEntry entry(Register r, UUID pupil, EntryKind kind, OffsetDateTime start, OffsetDateTime end,
                                         Integer lateMinutes, UUID me, OffsetDateTime now) {
        return new AttendanceEntry(UUID.randomUUID(), r.schoolId(), pupil, kind, start, end, lateMinutes, null,
                EntryStatus.UNJUSTIFIED, EntryOrigin.REGISTER, r.id(), null, null, me, now);
    }

    private RuntimeException notInRoster(UUID pupil, Register r) {
        if (directory.person(pupil).isEmpty()) {
            return Problems.badRequest("unknown-pupil", "Élève inconnu : " + pupil + ".");
        }
        return Problems.badRequest("pupil-not-in-class", "L'élève " + pupil + " n'est pas dans cette classe ou ce groupe le "
                + r.date() + ".");
    }

    private static RuntimeException registerNotFound() {
        return Problems.notFound("Registre introuvable.");
    }

    /** With names: one directory lookup per pupil (views); without: the write path stays lean. */
    private RegisterView view(Register r, List<Mark> marks, boolean withNames) {
        if (withNames) {
            return view(r, marks, new HashMap<>());
        }
        List<RegisterView.Line> lines = marks.stream()
                .map(m -> new RegisterView.Line(m.pupilId(), null, null, m.status(), m.lateMinutes(), m.leftAt(), m.entryId()))
                .toList();
        return build(r, lines, marks);
    }

    private RegisterView view(Register r, List<Mark> marks, Map<UUID, DirectoryPerson> people) {
        Map<UUID, Mark> byPupil = new HashMap<>();
        marks.forEach(m -> byPupil.put(m.pupilId(), m));
        Set<UUID> pupils = new LinkedHashSet<>(byPupil.keySet());
        if (r.status() == RegisterStatus.OPEN) {
            pupils.addAll(directory.pupilsOf(r.groupId(), r.date()));
        }
        List<RegisterView.Line> lines = pupils.stream().map(p -> {
            DirectoryPerson person = people.computeIfAbsent(p, id -> directory.person(id).orElse(null));
            Mark m = byPupil.get(p);
            return new RegisterView.Line(p, person == null ? null : person.firstName(),
                    person == null ? null : person.lastName(), m == null ? null : m.status(),
                    m == null ? null : m.lateMinutes(), m == null ? null : m.leftAt(), m == null ? null : m.entryId());
        }).sorted(Comparator.comparing((RegisterView.Line l) -> l.lastName() == null ? "" : l.lastName())
                .thenComparing(l -> l.firstName() == null ? "" : l.firstName())).toList();
        return build(r, lines, marks);
    }

    private static RegisterView build(Register r, List<RegisterView.Line> lines, List<Mark> marks) {
        int[] n = new int[MarkStatus.values().length];
        marks.forEach(m -> n[m.status().ordinal()]++);
        RegisterView.Counts counts = new RegisterView.Counts(lines.size(), n[MarkStatus.PRESENT.ordinal()],
                n[MarkStatus.ABSENT.ordinal()], n[MarkStatus.LATE.ordinal()], n[MarkStatus.LEFT_EARLY.ordinal()]);
        return new RegisterView(r.id(), r.schoolId(), r.groupId(), r.subject(), r.date(), r.startsAt(), r.endsAt(),
                r.timetableLessonId(), r.status(), r.openedBy(), r.submittedAt(), r.submittedBy(), r.validatedAt(),
                counts, lines);
    }
}
