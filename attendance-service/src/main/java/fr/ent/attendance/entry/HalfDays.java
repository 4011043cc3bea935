package fr.ent.attendance.entry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The half-days an absence touches, the unit of the legal count: a morning runs until the
 * afternoon start (12:30 by default), an afternoon after it. Sundays are never school days.
 * An absence touching a half-day, however briefly, counts that half-day once.
 */
public final class HalfDays {

    public record HalfDay(LocalDate day, boolean morning) {
    }

    private HalfDays() {
    }

    /** Half-days overlapping [start, end), in school-local times. */
    public static List<HalfDay> between(LocalDateTime start, LocalDateTime end, LocalTime afternoonStartsAt) {
        List<HalfDay> halfDays = new ArrayList<>();
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            LocalDateTime noon = day.atTime(afternoonStartsAt);
            LocalDateTime dayStart = day.atStartOfDay();
            LocalDateTime nextDay = dayStart.plusDays(1);
            if (overlaps(start, end, dayStart, noon)) {
                halfDays.add(new HalfDay(day, true));
            }
            if (overlaps(start, end, noon, nextDay)) {
                halfDays.add(new HalfDay(day, false));
            }
        }
        return halfDays;
    }

    private static boolean overlaps(LocalDateTime s1, LocalDateTime e1, LocalDateTime s2, LocalDateTime e2) {
        return s1.isBefore(e2) && s2.isBefore(e1);
    }
}
