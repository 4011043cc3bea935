package fr.ent.attendance.register;

import fr.ent.attendance.support.Access;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Registers as the API shows them ({@link RegisterView}): the reads (a register, a mark's history,
 * the registers not taken, a class's day), and the view that {@link RegisterService}'s writes answer with.
 */
@ApplicationScoped
public class RegisterViews {

    private final RegisterRepository registers;
    private final Directory directory;
    private final Access access;
    private final Relationships relationships;
    private final SchoolClock clock;

    public RegisterViews(RegisterRepository registers, Directory directory, Access access,
                         Relationships relationships, SchoolClock clock) {
        this.registers = registers;
        this.directory = directory;
        this.access = access;
        this.relationships = relationships;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RegisterView get(UUID registerId) {
        Register register = readable(registerId);
        return withNames(register);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MarkChange> history(UUID registerId, UUID pupilId) {
        Register register = readable(registerId);
        List<MarkChange> changes = registers.history(registerId, pupilId);
        // a pupil who has no mark in this register is not "a pupil with no history": 404
        if (changes.isEmpty() && registers.marks(registerId).stream().noneMatch(m -> m.pupilId().equals(pupilId))) {
            throw Problems.notFound("Élève introuvable dans cet appel.");
        }
        return changes;
    }

    /**
     * The registers of the day not taken yet. Without timetable-service, the lessons "expected" are
     * the registers opened that day (by a teacher, or ahead of time by staff) and never submitted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegisterView> forgotten(UUID schoolId, LocalDate date) {
        relationships.requireStaffOf(schoolId);
        return registers.notTaken(schoolId, date == null ? clock.today() : date).stream()
                .map(r -> withoutNames(r, List.of())).toList();
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
        return ofDay.stream().map(r -> withNames(r, marks.getOrDefault(r.id(), List.of()), people)).toList();
    }

    /** The register as stored now, its marks with the pupils' names (an open one lists the class). */
    RegisterView withNames(Register r) {
        return withNames(r, registers.marks(r.id()), new HashMap<>());
    }

    /** Without names, no directory lookup: what the roll call's write path answers. */
    RegisterView withoutNames(Register r, List<Mark> marks) {
        List<RegisterView.Line> lines = marks.stream()
                .map(m -> new RegisterView.Line(m.pupilId(), null, null, m.status(), m.lateMinutes(), m.leftAt(), m.entryId()))
                .toList();
        return build(r, lines, marks);
    }

    /** The register, when the caller takes its roll call (its teachers, the school's staff); else 404. */
    private Register readable(UUID registerId) {
        Register register = registers.find(registerId).orElseThrow(RegisterViews::registerNotFound);
        access.requireRollCall(register.schoolId(), register.groupId());
        return register;
    }

    static RuntimeException registerNotFound() {
        return Problems.notFound("Registre introuvable.");
    }

    /** One directory lookup per pupil, shared through {@code people} across the registers of a day. */
    private RegisterView withNames(Register r, List<Mark> marks, Map<UUID, DirectoryPerson> people) {
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
                r.timetableLessonId(), r.occurrenceId(), r.status(), r.openedBy(), r.submittedAt(), r.submittedBy(), r.validatedAt(),
                counts, lines);
    }
}
