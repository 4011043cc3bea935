package fr.ent.timetable.lesson;

import fr.ent.directory.Relationships;
import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.timetable.calendar.CalendarService;
import fr.ent.timetable.calendar.YearCalendar;
import fr.ent.timetable.events.TimetableEvents;
import fr.ent.timetable.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff edit a planned lesson's future or end it from a date. The past never changes: an edit
 * splits the series (the lesson ends the day before, a new lesson with the new plan starts that
 * day), so past occurrences, their changes and their registers keep what they were. The
 * occurrences that disappear are announced as CANCELLED (one event each); the new lesson's
 * occurrences are part of the plan, like a lesson planned with POST .../lessons.
 */
@ApplicationScoped
public class LessonLifecycle {

    private final LessonRepository lessons;
    private final OccurrenceChangeRepository changes;
    private final CalendarService calendars;
    private final LessonService planner;
    private final Access access;
    private final TimetableEvents events;
    private final SchoolClock clock;
    private final Timetable timetable;

    public LessonLifecycle(LessonRepository lessons, OccurrenceChangeRepository changes, CalendarService calendars,
                           LessonService planner, Access access, TimetableEvents events, SchoolClock clock,
                           Timetable timetable) {
        this.timetable = timetable;
        this.lessons = lessons;
        this.changes = changes;
        this.calendars = calendars;
        this.planner = planner;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Ends the lesson from {@code from}: its occurrences from that day disappear. Answers the lesson, or 204 if it never took place. */
    @Transactional
    public Optional<LessonView> end(UUID lessonId, LocalDate from) {
        Lesson lesson = staffLesson(lessonId);
        return endFrom(lesson, from).map(Lesson::view);
    }

    /**
     * Replaces the lesson's plan from {@code from} (subject, teachers, classes and groups, room, slot
     * and last slot, day, week, end): the old lesson ends the day before, the new one starts that day. Answers the new lesson.
     */
    @Transactional
    public LessonView edit(UUID lessonId, LocalDate from, LessonInput in) {
        Lesson lesson = staffLesson(lessonId);
        if (lesson.recurrence == Recurrence.ONCE || in.recurrence() == Recurrence.ONCE) {
            throw Problems.invalidField("recurrence", "une séance unique se déplace ou s'annule, elle ne se modifie pas");
        }
        if (from.isAfter(lesson.endsOn)) {
            throw Problems.invalidField("from", "le cours se termine le " + lesson.endsOn);
        }
        LocalDate startsOn = from.isBefore(lesson.startsOn) ? lesson.startsOn : from;
        UUID schoolId = lesson.schoolId;
        endFrom(lesson, startsOn);
        LessonInput next = new LessonInput(in.subject(), in.teacherIds(), in.classIds(), in.groupIds(), in.roomId(),
                in.slot(), in.endSlot(), in.recurrence(), in.dayOfWeek(), startsOn, in.endsOn(), null);
        return planner.plan(schoolId, next, false, access.me(), null).view();
    }

    /**
     * Ends the lesson from the first of its occurrences that has not begun (an import's line no
     * longer in the file). Nothing when every occurrence is past.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LocalDate> endFuture(Lesson lesson) {
        YearCalendar calendar = calendarOf(lesson);
        YearCalendar.Slot slot = calendar.slot(lesson.slot).orElseThrow();
        LocalDate today = clock.today();
        for (LocalDate day : lesson.plan().dates(calendar, today, lesson.endsOn)) {
            if (clock.at(day.atTime(slot.startsAt())).isAfter(clock.now())) {
                endFrom(lesson, day);
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /**
     * Ends the lesson from {@code from} (no access check: the caller's). Each occurrence planned from
     * then must not have begun (409 occurrence-in-the-past); those still taking place are announced
     * CANCELLED; their changes go. A lesson that never took place is deleted (empty answer).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Lesson> endFrom(Lesson lesson, LocalDate from) {
        if (from.isAfter(lesson.endsOn)) {
            return Optional.of(lesson);
        }
        YearCalendar calendar = calendarOf(lesson);
        LocalDate first = from.isBefore(lesson.startsOn) ? lesson.startsOn : from;
        List<LocalDate> dates = lesson.plan().dates(calendar, first, lesson.endsOn);
        Map<LocalDate, OccurrenceChange> rows = new HashMap<>();
        changes.list("lessonId = ?1 and plannedDate >= ?2", lesson.id, first).forEach(r -> rows.put(r.plannedDate, r));
        LessonView view = lesson.view();
        List<TimetableEvents.Change> gone = new ArrayList<>();
        for (LocalDate day : dates) {
            Changes current = rows.containsKey(day) ? rows.get(day).changes() : Changes.NONE;
            Occurrence before = Occurrence.of(view, day, calendar, current);
            if (!clock.at(before.date().atTime(before.startsAt())).isAfter(clock.now())) {
                throw Problems.conflict("occurrence-in-the-past", "La séance du " + before.date() + " à "
                        + before.startsAt() + " est passée ou commencée : seules les séances à venir changent.");
            }
            if (!before.cancelled()) {
                Changes cancelled = current.cancelled(true);
                gone.add(new TimetableEvents.Change(before, Occurrence.of(view, day, calendar, cancelled)));
            }
        }
        events.changed(LessonChangeKind.CANCELLED, gone);
        changes.delete("lessonId = ?1 and plannedDate >= ?2", lesson.id, first);
        // A lesson with no occurrence before that day never took place: it goes entirely.
        if (!first.isAfter(lesson.startsOn) || lesson.plan().dates(calendar, lesson.startsOn, first.minusDays(1)).isEmpty()) {
            lessons.delete(lesson);
            lessons.flush();
            events.scheduled(lesson, List.of()); // no occurrence left: consumers drop the lesson
            return Optional.empty();
        }
        lesson.endsOn = first.minusDays(1);
        lessons.flush();
        events.scheduled(lesson, timetable.planned(lesson, calendar));
        return Optional.of(lesson);
    }

    private Lesson staffLesson(UUID lessonId) {
        return lessons.findByIdOptional(lessonId).filter(l -> access.isStaffOf(l.schoolId))
                .orElseThrow(() -> Relationships.notYours("Cours introuvable."));
    }

    private YearCalendar calendarOf(Lesson lesson) {
        return calendars.year(lesson.schoolId, lesson.year).orElseThrow(() -> Problems.notFound("Cours introuvable."));
    }
}
