package fr.ent.timetable.lesson;

import fr.ent.timetable.calendar.CalendarChanged;
import fr.ent.timetable.calendar.CalendarService;
import fr.ent.timetable.calendar.YearCalendar;
import fr.ent.timetable.events.TimetableEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Republishes the plan ({@code LessonScheduled}) of each lesson of a school year whose planned
 * occurrences a calendar change moved, added or removed; in the transaction of the change.
 */
@ApplicationScoped
public class LessonPlans {

    private final LessonRepository lessons;
    private final CalendarService calendars;
    private final Timetable timetable;
    private final TimetableEvents events;

    public LessonPlans(LessonRepository lessons, CalendarService calendars, Timetable timetable, TimetableEvents events) {
        this.lessons = lessons;
        this.calendars = calendars;
        this.timetable = timetable;
        this.events = events;
    }

    void onCalendarChanged(@Observes CalendarChanged change) {
        Optional<YearCalendar> after = calendars.year(change.schoolId(), change.year());
        for (Lesson lesson : lessons.list("schoolId = ?1 and year = ?2", change.schoolId(), change.year())) {
            List<Occurrence> now = after.map(c -> timetable.planned(lesson, c)).orElse(List.of());
            List<Occurrence> was = change.before() == null ? List.of() : timetable.planned(lesson, change.before());
            if (!sameTimes(was, now)) {
                events.scheduled(lesson, now);
            }
        }
    }

    private static boolean sameTimes(List<Occurrence> a, List<Occurrence> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Occurrence x = a.get(i);
            Occurrence y = b.get(i);
            if (!(x.id().equals(y.id()) && Objects.equals(x.startsAt(), y.startsAt()) && Objects.equals(x.endsAt(), y.endsAt()))) {
                return false;
            }
        }
        return true;
    }
}
