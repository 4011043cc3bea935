package fr.ent.timetable.lesson;

import fr.ent.timetable.calendar.YearCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a lesson takes place: on its day of the week between two dates, every week or on week A or
 * B only, or once. Its occurrences are the days of that plan on which the school year has lessons
 * (never a public holiday nor a holiday period).
 */
public record Plan(Recurrence recurrence, DayOfWeek dayOfWeek, LocalDate startsOn, LocalDate endsOn) {

    /** The planned dates between {@code from} and {@code to}, both included. */
    public List<LocalDate> dates(YearCalendar calendar, LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate first = from.isAfter(startsOn) ? from : startsOn;
        LocalDate last = to.isBefore(endsOn) ? to : endsOn;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isPlannedOn(calendar, day)) {
                dates.add(day);
            }
        }
        return dates;
    }

    /** Whether the lesson takes place that day as planned. */
    public boolean isPlannedOn(YearCalendar calendar, LocalDate day) {
        if (day.isBefore(startsOn) || day.isAfter(endsOn) || day.getDayOfWeek() != dayOfWeek || !calendar.hasLessons(day)) {
            return false;
        }
        Optional<YearCalendar.Week> week = calendar.weekOf(day);
        return switch (recurrence) {
            case WEEKLY, ONCE -> true;
            case WEEK_A -> week.equals(Optional.of(YearCalendar.Week.A));
            case WEEK_B -> week.equals(Optional.of(YearCalendar.Week.B));
        };
    }
}
