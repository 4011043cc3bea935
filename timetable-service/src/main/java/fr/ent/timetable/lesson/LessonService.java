package fr.ent.timetable.lesson;

import fr.ent.directory.Directory;
import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.timetable.calendar.CalendarService;
import fr.ent.timetable.calendar.YearCalendar;
import fr.ent.timetable.events.TimetableEvents;
import fr.ent.timetable.room.RoomService;
import fr.ent.timetable.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Staff plan a school's lessons; the staff and teachers of the school read the plan. */
@ApplicationScoped
public class LessonService {

    private final LessonRepository lessons;
    private final CalendarService calendars;
    private final RoomService rooms;
    private final Directory directory;
    private final Access access;
    private final ConflictCheck conflicts;
    private final Timetable timetable;
    private final TimetableEvents events;
    private final SchoolClock clock;

    public LessonService(LessonRepository lessons, CalendarService calendars, RoomService rooms, Directory directory,
                         Access access, ConflictCheck conflicts, Timetable timetable, TimetableEvents events,
                         SchoolClock clock) {
        this.lessons = lessons;
        this.calendars = calendars;
        this.rooms = rooms;
        this.directory = directory;
        this.access = access;
        this.conflicts = conflicts;
        this.timetable = timetable;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LessonView> list(UUID schoolId, LocalDate from, LocalDate to) {
        access.requireSchoolReader(schoolId);
        return lessons.ofSchool(schoolId, from, to).stream().map(Lesson::view)
                .sorted(java.util.Comparator.comparing(LessonView::dayOfWeek).thenComparing(LessonView::slot)
                        .thenComparing(LessonView::subject))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LessonView get(UUID lessonId) {
        Lesson lesson = lessons.findByIdOptional(lessonId).orElseThrow(() -> Problems.notFound("Cours introuvable."));
        if (!access.readsSchool(lesson.schoolId)) {
            throw Problems.notFound("Cours introuvable.");
        }
        return lesson.view();
    }

    /**
     * Plans a lesson (or, {@code exceptional}, adds one as a change: once, announced as "added").
     * Everything is checked before anything is written: the school's calendar and slot (and last
     * slot, for a lesson over several), the
     * teachers, classes, groups and room of the school, no occurrence in the past, no clash.
     */
    @Transactional
    public LessonView create(UUID schoolId, LessonInput in, boolean exceptional) {
        access.requireStaffOf(schoolId);
        return plan(schoolId, in, exceptional, access.me(), null).view();
    }

    /**
     * Plans a lesson for {@code actor}, whose right to do so the caller has checked (an edit, an
     * import job running outside the request): the same checks as {@link #create}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Lesson plan(UUID schoolId, LessonInput in, boolean exceptional, UUID actor, String importKey) {
        boolean once = in.recurrence() == Recurrence.ONCE;
        if (exceptional && !once) {
            throw Problems.invalidField("recurrence", "un cours exceptionnel a lieu une fois (ONCE)");
        }
        if (in.classes().isEmpty() && in.groups().isEmpty()) {
            throw Problems.invalidField("classIds", "au moins une classe ou un groupe");
        }
        LocalDate startsOn = once ? required(in.date(), "date") : required(in.startsOn(), "startsOn");
        if (!once && in.dayOfWeek() == null) {
            throw Problems.invalidField("dayOfWeek", "obligatoire pour un cours hebdomadaire");
        }
        YearCalendar calendar = calendars.yearOf(schoolId, startsOn).orElseThrow(() -> Problems.invalidField(
                once ? "date" : "startsOn", "aucune année scolaire de l'établissement ne contient le " + startsOn));
        LocalDate endsOn = once ? startsOn : in.endsOn() == null ? calendar.endsOn() : in.endsOn();
        if (endsOn.isBefore(startsOn)) {
            throw Problems.invalidField("endsOn", "doit être le " + startsOn + " ou après");
        }
        if (!calendar.contains(endsOn)) {
            throw Problems.invalidField("endsOn", "après la fin de l'année scolaire " + calendar.year());
        }
        if ((in.recurrence() == Recurrence.WEEK_A || in.recurrence() == Recurrence.WEEK_B) && !calendar.alternates()) {
            throw Problems.invalidField("recurrence", "l'établissement n'alterne pas semaines A et B");
        }
        YearCalendar.Slot slot = calendar.slot(in.slot())
                .orElseThrow(() -> Problems.invalidField("slot", "créneau inconnu dans l'établissement"));
        YearCalendar.Slot last = slot;
        if (in.endSlot() != null) {
            calendar.notAnEndAfter(slot.code(), in.endSlot()).ifPresent(why -> {
                throw Problems.invalidField("endSlot", why);
            });
            last = calendar.slot(in.endSlot()).orElseThrow();
        }
        if (once) {
            calendar.noLessonsBecause(startsOn).ifPresent(why -> {
                throw Problems.invalidField("date", "pas de cours ce jour-là : " + why);
            });
        }
        requireTeachersOf(schoolId, in.teacherIds());
        requireGroupsOf(schoolId, in.classes(), GroupKind.CLASS, "classIds");
        requireGroupsOf(schoolId, in.groups(), GroupKind.GROUP, "groupIds");
        if (in.roomId() != null) {
            rooms.ofSchool(schoolId, in.roomId(), "roomId");
        }

        Lesson lesson = new Lesson();
        lesson.id = UUID.randomUUID();
        lesson.schoolId = schoolId;
        lesson.year = calendar.year();
        lesson.subject = in.subject().strip();
        lesson.slot = slot.code();
        lesson.endSlot = last == slot ? null : last.code();
        lesson.dayOfWeek = once ? startsOn.getDayOfWeek() : in.dayOfWeek();
        lesson.recurrence = in.recurrence();
        lesson.startsOn = startsOn;
        lesson.endsOn = endsOn;
        lesson.roomId = in.roomId();
        lesson.exceptional = exceptional;
        lesson.teacherIds = new HashSet<>(in.teacherIds());
        lesson.classIds = new HashSet<>(in.classes());
        lesson.groupIds = new HashSet<>(in.groups());
        lesson.importKey = importKey;
        lesson.createdBy = actor;
        lesson.createdAt = clock.now();

        List<LocalDate> dates = lesson.plan().dates(calendar, startsOn, endsOn);
        if (dates.isEmpty()) {
            throw Problems.invalidField(once ? "date" : "startsOn", "aucune séance possible sur cette période");
        }
        if (!clock.at(dates.get(0).atTime(slot.startsAt())).isAfter(clock.now())) {
            throw Problems.conflict("occurrence-in-the-past",
                    "La première séance (" + dates.get(0) + " " + slot.startsAt() + ") est passée : seules les séances à venir se planifient.");
        }
        Set<UUID> groups = new HashSet<>(lesson.classIds);
        groups.addAll(lesson.groupIds);
        List<Conflicts.Proposed> proposed = new ArrayList<>();
        for (LocalDate day : dates) {
            proposed.add(new Conflicts.Proposed(lesson.id, day, slot.startsAt(), last.endsAt(), lesson.roomId,
                    lesson.teacherIds, groups));
        }
        conflicts.requireNoConflict(proposed);

        lessons.persist(lesson);
        events.scheduled(lesson, timetable.planned(lesson, calendar));
        if (exceptional) {
            events.added(Occurrence.of(lesson.view(), startsOn, calendar, Changes.NONE));
        }
        return lesson;
    }

    /** The lesson's occurrence planned that day, for the staff of its school; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Occurrence occurrence(UUID lessonId, LocalDate plannedDate) {
        Lesson lesson = lessons.findByIdOptional(lessonId).filter(l -> access.readsSchool(l.schoolId))
                .orElseThrow(() -> Problems.notFound("Séance introuvable."));
        return timetable.occurrence(lesson, plannedDate).orElseThrow(() -> Problems.notFound("Séance introuvable."));
    }

    private void requireTeachersOf(UUID schoolId, List<UUID> teacherIds) {
        for (UUID id : teacherIds) {
            boolean known = directory.person(id)
                    .filter(p -> p.role() == PersonRole.TEACHER && p.active() && p.schoolIds().contains(schoolId)).isPresent();
            if (!known) {
                throw Problems.invalidField("teacherIds", "enseignant inconnu dans cet établissement : " + id);
            }
        }
    }

    private void requireGroupsOf(UUID schoolId, List<UUID> ids, GroupKind kind, String field) {
        for (UUID id : ids) {
            boolean known = directory.classGroup(id)
                    .filter(g -> g.schoolId().equals(schoolId) && g.kind() == kind).isPresent();
            if (!known) {
                throw Problems.invalidField(field, (kind == GroupKind.CLASS ? "classe" : "groupe")
                        + " inconnu dans cet établissement : " + id);
            }
        }
    }

    private static LocalDate required(LocalDate value, String field) {
        if (value == null) {
            throw Problems.invalidField(field, "obligatoire");
        }
        return value;
    }
}
