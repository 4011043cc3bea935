package fr.ent.timetable.absence;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.timetable.change.ChangeService;
import fr.ent.timetable.events.TimetableEvents;
import fr.ent.timetable.lesson.LessonRepository;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.lesson.Timetable;
import fr.ent.timetable.support.Access;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A teacher's own absence: the teacher declares a period (no reason: there is nowhere to put one),
 * one absence per school of theirs; each school's staff confirm theirs, which cancels every
 * occurrence of that teacher in the period in that school, or gives it the substitute named for it,
 * through {@link ChangeService} (same rules, conflict checks and events), all in one transaction.
 */
@ApplicationScoped
public class AbsenceService {

    /** A longer absence is a matter for the school's own tools (replacement contracts), not for one click. */
    static final Duration LONGEST = Duration.ofDays(92);

    private final AbsenceRepository absences;
    private final LessonRepository lessons;
    private final Timetable timetable;
    private final ChangeService changes;
    private final TimetableEvents events;
    private final Directory directory;
    private final Relationships relationships;
    private final CurrentUser user;
    private final Access access;
    private final SchoolClock clock;

    public AbsenceService(AbsenceRepository absences, LessonRepository lessons, Timetable timetable,
                          ChangeService changes, TimetableEvents events, Directory directory,
                          Relationships relationships, CurrentUser user, Access access, SchoolClock clock) {
        this.absences = absences;
        this.lessons = lessons;
        this.timetable = timetable;
        this.changes = changes;
        this.events = events;
        this.directory = directory;
        this.relationships = relationships;
        this.user = user;
        this.access = access;
        this.clock = clock;
    }

    /** The teacher declares their own absence: one per school they teach in, each to be confirmed there. */
    @Transactional
    public List<AbsenceView> declare(AbsenceInputs.Declare in) {
        AbsenceInputs.refuseUnknown(in.unknown());
        DirectoryPerson me = directory.person(user.personId()).filter(p -> p.role() == PersonRole.TEACHER && p.active())
                .orElseThrow(() -> Problems.forbidden("Seul un enseignant déclare son absence."));
        requirePeriod(in.from(), in.to());
        List<AbsenceView> declared = new ArrayList<>();
        for (UUID school : me.schoolIds().stream().sorted().toList()) {
            declared.add(create(school, me.id(), in.from(), in.to()).view());
        }
        return declared;
    }

    /** The teacher's own absences, declared and confirmed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AbsenceView> mine() {
        return absences.ofTeacher(user.personId()).stream().map(TeacherAbsence::view).toList();
    }

    /** The teacher withdraws a declaration not yet confirmed (a confirmed one has changed lessons: 409). */
    @Transactional
    public void withdraw(UUID absenceId) {
        TeacherAbsence absence = absences.findByIdOptional(absenceId)
                .filter(a -> a.teacherId.equals(user.personId()))
                .orElseThrow(() -> Relationships.notYours("Absence introuvable."));
        if (absence.confirmed()) {
            throw Problems.conflict("absence-confirmed",
                    "Cette absence est déjà confirmée par l'établissement : adressez-vous à la vie scolaire.");
        }
        absences.delete(absence);
    }

    /** The absences of a school's teachers, for its staff. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AbsenceView> ofSchool(UUID schoolId) {
        access.requireStaffOf(schoolId);
        return absences.ofSchool(schoolId).stream().map(TeacherAbsence::view).toList();
    }

    /** Staff confirm a declared absence of their school. */
    @Transactional
    public ConfirmedAbsence confirm(UUID absenceId, AbsenceInputs.Confirm in) {
        AbsenceInputs.refuseUnknown(in == null ? null : in.unknown());
        TeacherAbsence absence = absences.findByIdOptional(absenceId)
                .filter(a -> relationships.isStaffOf(a.schoolId))
                .orElseThrow(() -> Relationships.notYours("Absence introuvable."));
        if (absence.confirmed()) {
            throw Problems.conflict("absence-confirmed", "Cette absence est déjà confirmée.");
        }
        return confirm(absence, in == null ? null : in.substitutes());
    }

    /** Staff record a teacher's absence directly: it is confirmed at once. */
    @Transactional
    public ConfirmedAbsence record(UUID schoolId, AbsenceInputs.Record in) {
        access.requireStaffOf(schoolId);
        AbsenceInputs.refuseUnknown(in.unknown());
        directory.person(in.teacherId())
                .filter(p -> p.role() == PersonRole.TEACHER && p.active() && p.schoolIds().contains(schoolId))
                .orElseThrow(() -> Problems.invalidField("teacherId", "enseignant inconnu dans cet établissement"));
        requirePeriod(in.from(), in.to());
        return confirm(create(schoolId, in.teacherId(), in.from(), in.to()), in.substitutes());
    }

    private TeacherAbsence create(UUID school, UUID teacher, LocalDateTime from, LocalDateTime to) {
        TeacherAbsence absence = new TeacherAbsence();
        absence.id = UUID.randomUUID();
        absence.schoolId = school;
        absence.teacherId = teacher;
        absence.startsAt = from;
        absence.endsAt = to;
        absence.declaredBy = access.me();
        absence.declaredAt = clock.now();
        absences.persist(absence);
        return absence;
    }

    private void requirePeriod(LocalDateTime from, LocalDateTime to) {
        if (!from.isBefore(to)) {
            throw Problems.invalidField("to", "la fin de l'absence doit suivre son début");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw Problems.invalidField("to", "une absence dure au plus " + LONGEST.toDays() + " jours");
        }
        if (!clock.at(to).isAfter(clock.now())) {
            throw Problems.invalidField("to", "l'absence est déjà terminée");
        }
    }

    /**
     * Every occurrence of the teacher in the period, in the absence's school, not cancelled, not yet
     * begun: the ones named in {@code substitutes} get that teacher, the others are cancelled.
     */
    private ConfirmedAbsence confirm(TeacherAbsence absence, List<AbsenceInputs.Substitute> substitutes) {
        List<Occurrence> concerned = concerned(absence);
        Map<String, UUID> substituteOf = new HashMap<>();
        List<AbsenceInputs.Substitute> given = substitutes == null ? List.of() : substitutes;
        for (int i = 0; i < given.size(); i++) {
            AbsenceInputs.Substitute s = given.get(i);
            if (concerned.stream().noneMatch(o -> o.id().equals(s.occurrenceId()))) {
                throw Problems.invalidField("substitutes[" + i + "].occurrenceId",
                        "cette séance n'est pas une séance à venir de l'enseignant pendant l'absence");
            }
            if (substituteOf.put(s.occurrenceId(), s.teacherId()) != null) {
                throw Problems.invalidField("substitutes[" + i + "].occurrenceId", "séance donnée deux fois");
            }
            if (s.teacherId().equals(absence.teacherId)) {
                throw Problems.invalidField("substitutes[" + i + "].teacherId", "l'enseignant absent ne se remplace pas");
            }
        }
        List<TimetableEvents.Change> changed = changes.forAbsence(absence.id, concerned.stream()
                .map(o -> new ChangeService.AbsenceChange(o.lessonId(), o.plannedDate(), substituteOf.get(o.id())))
                .toList());
        absence.confirmedBy = access.me();
        absence.confirmedAt = clock.now();
        events.absenceConfirmed(absence.id, absence.schoolId, absence.teacherId, clock.at(absence.startsAt),
                clock.at(absence.endsAt), changed);
        return new ConfirmedAbsence(absence.view(), changed.stream().map(TimetableEvents.Change::after).toList());
    }

    private List<Occurrence> concerned(TeacherAbsence absence) {
        UUID teacher = absence.teacherId;
        return timetable.between(lessons.ofTeacher(teacher, absence.startsAt.toLocalDate(), absence.endsAt.toLocalDate()),
                        absence.startsAt.toLocalDate(), absence.endsAt.toLocalDate()).stream()
                .filter(o -> o.schoolId().equals(absence.schoolId) && o.teacherIds().contains(teacher) && !o.cancelled())
                .filter(o -> o.date().atTime(o.endsAt()).isAfter(absence.startsAt)
                        && o.date().atTime(o.startsAt()).isBefore(absence.endsAt))
                .filter(o -> clock.at(o.date().atTime(o.startsAt())).isAfter(clock.now()))
                .toList();
    }
}
