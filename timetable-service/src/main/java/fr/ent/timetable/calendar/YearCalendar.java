package fr.ent.timetable.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One school's year as the rules see it, with no database: which days have lessons (inside the
 * year, not a Sunday, not a public holiday, not in a holiday period), whether a week is A or B,
 * and the school's time slots.
 */
public record YearCalendar(String year, LocalDate startsOn, LocalDate endsOn, List<Period> holidays,
                           Set<Integer> weeksA, Set<Integer> weeksB, Map<String, Slot> slots) {

    /** A holiday period, first and last day included. */
    public record Period(String name, LocalDate startsOn, LocalDate endsOn) {
        boolean contains(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    public record Slot(String code, java.time.LocalTime startsAt, java.time.LocalTime endsAt) {
    }

    public enum Week { A, B }

    public YearCalendar {
        holidays = List.copyOf(holidays);
        weeksA = Set.copyOf(weeksA);
        weeksB = Set.copyOf(weeksB);
        slots = Map.copyOf(slots);
    }

    /** The public holidays that fall inside the year, date → name. */
    public Map<LocalDate, String> publicHolidays() {
        Map<LocalDate, String> days = new TreeMap<>();
        for (int y = startsOn.getYear(); y <= endsOn.getYear(); y++) {
            PublicHolidays.of(y).forEach((day, name) -> {
                if (!day.isBefore(startsOn) && !day.isAfter(endsOn)) {
                    days.put(day, name);
                }
            });
        }
        return days;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Why there are no lessons that day (in French, shown to staff), or empty when there can be. */
    public Optional<String> noLessonsBecause(LocalDate day) {
        if (!contains(day)) {
            return Optional.of("en dehors de l'année scolaire " + year);
        }
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("dimanche");
        }
        String holiday = PublicHolidays.of(day.getYear()).get(day);
        if (holiday != null) {
            return Optional.of("jour férié (" + holiday + ")");
        }
        return holidays.stream().filter(p -> p.contains(day)).findFirst().map(p -> "vacances (" + p.name() + ")");
    }

    public boolean hasLessons(LocalDate day) {
        return noLessonsBecause(day).isEmpty();
    }

    public boolean alternates() {
        return !weeksA.isEmpty() || !weeksB.isEmpty();
    }

    /** Week A or B of that day, when the school alternates and has said which the week is. */
    public Optional<Week> weekOf(LocalDate day) {
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return weeksA.contains(week) ? Optional.of(Week.A) : weeksB.contains(week) ? Optional.of(Week.B) : Optional.empty();
    }

    public Optional<Slot> slot(String code) {
        return Optional.ofNullable(slots.get(code));
    }
}
