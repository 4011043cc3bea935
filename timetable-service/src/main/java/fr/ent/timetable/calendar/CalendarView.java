package fr.ent.timetable.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A school's calendar as everyone in the school reads it. */
public record CalendarView(UUID schoolId, Zone zone, LocalTime dayStartsAt, LocalTime dayEndsAt,
                           LocalTime afternoonStartsAt, List<YearCalendar.Slot> slots, List<YearView> years) {

    /** A school year with its week alternation and every day without lessons. */
    public record YearView(String year, LocalDate startsOn, LocalDate endsOn, List<Integer> weeksA, List<Integer> weeksB,
                           List<PublicHoliday> publicHolidays, List<HolidayView> holidays) {
    }

    public record PublicHoliday(LocalDate date, String name) {
    }

    /** A holiday period; {@code zone} set when it is the zone's, null when the school's own. */
    public record HolidayView(UUID id, String name, LocalDate startsOn, LocalDate endsOn, Zone zone) {
    }
}
