package fr.ent.notification.quiethours;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * One of a person's own quiet slots: on {@code day}, from {@code from} to {@code until} (local time of
 * the school); {@code until} 00:00 is midnight, the end of that day. A slot over midnight is two slots.
 */
public record QuietSlot(DayOfWeek day, LocalTime from, LocalTime until) {

    public QuietSlot {
        if (!until.equals(LocalTime.MIDNIGHT) && !from.isBefore(until)) {
            throw new IllegalArgumentException("a quiet slot ends after it starts (00:00 for midnight)");
        }
    }

    boolean covers(LocalDateTime local) {
        LocalTime t = local.toLocalTime();
        return local.getDayOfWeek() == day && !t.isBefore(from) && (until.equals(LocalTime.MIDNIGHT) || t.isBefore(until));
    }

    /** The moment the slot ends, on {@code date} (its day). */
    LocalDateTime endOn(LocalDate date) {
        return until.equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay() : date.atTime(until);
    }
}
