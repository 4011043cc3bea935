package fr.ent.timetable.lesson;

import fr.ent.timetable.calendar.CalendarService;
import fr.ent.timetable.calendar.YearCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The timetable as it really happens: the occurrences of lessons between two dates, computed from
 * each lesson's plan and its school's calendar, with their changes applied. No access check here:
 * callers have made theirs.
 */
@ApplicationScoped
public class Timetable {

    private static final Comparator<Occurrence> IN_TIME_ORDER = Comparator.comparing(Occurrence::date)
            .thenComparing(Occurrence::startsAt).thenComparing(Occurrence::subject).thenComparing(o -> o.id());

    private final CalendarService calendars;
    private final OccurrenceChangeRepository changes;

    public Timetable(CalendarService calendars, OccurrenceChangeRepository changes) {
        this.calendars = calendars;
        this.changes = changes;
    }

    /** The occurrences of these lessons that take place (or would have, when cancelled) between the dates, in time order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Occurrence> between(Collection<Lesson> lessons, LocalDate from, LocalDate to) {
        Map<UUID, Map<LocalDate, Changes>> changed = new HashMap<>();
        changes.ofLessons(lessons.stream().map(l -> l.id).toList(), from, to)
                .forEach(c -> changed.computeIfAbsent(c.lessonId, k -> new HashMap<>()).put(c.plannedDate, c.changes()));
        Map<String, Optional<YearCalendar>> years = new HashMap<>();
        List<Occurrence> found = new ArrayList<>();
        for (Lesson lesson : lessons) {
            Optional<YearCalendar> year = years.computeIfAbsent(lesson.schoolId + lesson.year,
                    k -> calendars.year(lesson.schoolId, lesson.year));
            if (year.isEmpty()) {
                continue;
            }
            YearCalendar calendar = year.get();
            LessonView view = lesson.view();
            Map<LocalDate, Changes> ofLesson = changed.getOrDefault(lesson.id, Map.of());
            for (LocalDate day : lesson.plan().dates(calendar, from, to)) {
                Occurrence o = Occurrence.of(view, day, calendar, ofLesson.getOrDefault(day, Changes.NONE));
                if (!o.date().isBefore(from) && !o.date().isAfter(to)) {
                    found.add(o);
                }
            }
            // Occurrences planned outside the dates and moved into them.
            ofLesson.forEach((planned, c) -> {
                boolean movedIn = c.movedTo() != null && !c.movedTo().isBefore(from) && !c.movedTo().isAfter(to);
                boolean plannedOutside = planned.isBefore(from) || planned.isAfter(to);
                if (movedIn && plannedOutside && lesson.plan().isPlannedOn(calendar, planned)) {
                    found.add(Occurrence.of(view, planned, calendar, c));
                }
            });
        }
        found.sort(IN_TIME_ORDER);
        return found;
    }

    /** The lesson's occurrences as planned over its whole range, no change applied (what {@code LessonScheduled} carries). */
    public List<Occurrence> planned(Lesson lesson, YearCalendar calendar) {
        LessonView view = lesson.view();
        return lesson.plan().dates(calendar, lesson.startsOn, lesson.endsOn).stream()
                .map(day -> Occurrence.of(view, day, calendar, Changes.NONE)).toList();
    }

    /** The occurrence of the lesson planned that day, if it is planned that day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Occurrence> occurrence(Lesson lesson, LocalDate plannedDate) {
        return calendars.year(lesson.schoolId, lesson.year)
                .filter(calendar -> lesson.plan().isPlannedOn(calendar, plannedDate))
                .map(calendar -> Occurrence.of(lesson.view(), plannedDate, calendar,
                        changes.of(lesson.id, plannedDate).map(OccurrenceChange::changes).orElse(Changes.NONE)));
    }
}
