package fr.ent.grades.reportcard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Absences counted in half-days, as report cards show them: a day has a morning (before noon) and
 * an afternoon (from noon), in the school's time zone; each half-day of the period that an absence
 * overlaps counts once, however many absences overlap it. A half-day is unjustified if one of the
 * absences overlapping it is not justified.
 */
public final class HalfDays {

    /** An absence from {@code start} to {@code end}. */
    public record Absence(Instant start, Instant end, boolean justified) {
    }

    /** The count of half-days, and of those unjustified. */
    public record Count(int total, int unjustified) {
    }

    private HalfDays() {
    }

    public static Count count(Collection<Absence> absences, LocalDate from, LocalDate to, ZoneId zone) {
        Set<String> all = new HashSet<>();
        Set<String> unjustified = new HashSet<>();
        for (Absence a : absences) {
            if (!a.end().isAfter(a.start())) {
                continue;
            }
            ZonedDateTime start = a.start().atZone(zone);
            ZonedDateTime end = a.end().atZone(zone);
            for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
                if (day.isBefore(from) || day.isAfter(to)) {
                    continue;
                }
                ZonedDateTime midnight = day.atStartOfDay(zone);
                ZonedDateTime noon = day.atTime(LocalTime.NOON).atZone(zone);
                ZonedDateTime next = day.plusDays(1).atStartOfDay(zone);
                if (overlaps(start, end, midnight, noon)) {
                    add(all, unjustified, day + "AM", a.justified());
                }
                if (overlaps(start, end, noon, next)) {
                    add(all, unjustified, day + "PM", a.justified());
                }
            }
        }
        return new Count(all.size(), unjustified.size());
    }

    private static boolean overlaps(ZonedDateTime start, ZonedDateTime end, ZonedDateTime from, ZonedDateTime to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    private static void add(Set<String> all, Set<String> unjustified, String halfDay, boolean justified) {
        all.add(halfDay);
        if (!justified) {
            unjustified.add(halfDay);
        }
    }
}
