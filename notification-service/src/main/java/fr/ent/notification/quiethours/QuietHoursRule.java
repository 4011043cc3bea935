package fr.ent.notification.quiethours;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a school sends no e-mail nor push: every evening from {@code eveningStart} to the next
 * {@code morningEnd}, and (when {@code weekend}) from Friday evening to Monday morning, in the
 * school's time zone. Pure logic: a unit test checks it without anything running.
 */
public record QuietHoursRule(LocalTime eveningStart, LocalTime morningEnd, boolean weekend) {

    public static final QuietHoursRule NATIONAL_GUIDANCE =
            new QuietHoursRule(LocalTime.of(20, 0), LocalTime.of(7, 0), true);

    public QuietHoursRule {
        if (!morningEnd.isBefore(eveningStart)) {
            throw new IllegalArgumentException("quiet hours run overnight: the morning end must come before the evening start");
        }
    }

    /** {@code at} itself when it is outside quiet hours, else the moment they end. Never earlier than {@code at}. */
    public Instant deferUntil(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        DayOfWeek dow = day.getDayOfWeek();

        LocalDate endDay;
        if (weekend && inWeekend(dow, time)) {
            endDay = day.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            if (dow == DayOfWeek.FRIDAY) {
                endDay = day.plusDays(3);
            }
        } else if (time.isBefore(morningEnd)) {
            endDay = day;
        } else if (!time.isBefore(eveningStart)) {
            endDay = day.plusDays(1);
        } else {
            return at;
        }
        Instant end = endDay.atTime(morningEnd).atZone(zone).toInstant();
        return end.isAfter(at) ? end : at;
    }

    public boolean isQuiet(Instant at, ZoneId zone) {
        return !deferUntil(at, zone).equals(at);
    }

    private boolean inWeekend(DayOfWeek dow, LocalTime time) {
        return switch (dow) {
            case FRIDAY -> !time.isBefore(eveningStart);
            case SATURDAY, SUNDAY -> true;
            case MONDAY -> time.isBefore(morningEnd);
            default -> false;
        };
    }
}
