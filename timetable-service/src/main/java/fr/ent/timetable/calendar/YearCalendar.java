package fr.ent.timetable.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One school's year as the rules see it, with no database: which days have lessons (inside the
 * year, not a Sunday, not a public holiday, not in a holiday period), whether a week is A or B,
 * and the school's time slots. A lesson takes one slot or several that follow each other in the
 * school's day (a double lesson, M1–M2, from the first's start to the last's end, breaks included).
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

    /** The slots in the order of the school's day (by start). */
    public List<Slot> daySlots() {
        return slots.values().stream().sorted(Comparator.comparing(Slot::startsAt).thenComparing(Slot::code)).toList();
    }

    /**
     * The last slot of a lesson starting at {@code first} and ending at {@code last}: a slot of the
     * school that comes after {@code first} in its day. Else why not, in French (shown to staff).
     */
    public Optional<String> notAnEndAfter(String first, String last) {
        if (slot(last).isEmpty()) {
            return Optional.of("créneau inconnu dans l'établissement");
        }
        List<Slot> day = daySlots();
        return position(day, last) > position(day, first) ? Optional.empty()
                : Optional.of("le dernier créneau doit venir après " + first + " dans la journée");
    }

    /** How many slots a lesson from {@code first} to {@code last} (null: {@code first} only) spans. */
    public int length(String first, String last) {
        List<Slot> day = daySlots();
        return last == null ? 1 : Math.max(1, position(day, last) - position(day, first) + 1);
    }

    /** The last of {@code length} slots from {@code first}, when the day has that many from it. */
    public Optional<Slot> lastOf(String first, int length) {
        List<Slot> day = daySlots();
        int start = position(day, first);
        int end = start + length - 1;
        return start < 0 || end >= day.size() ? Optional.empty() : Optional.of(day.get(end));
    }

    private static int position(List<Slot> day, String code) {
        for (int i = 0; i < day.size(); i++) {
            if (day.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
