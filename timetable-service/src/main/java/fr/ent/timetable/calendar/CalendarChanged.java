package fr.ent.timetable.calendar;

import java.util.UUID;

/**
 * A CDI event fired, in the transaction of the change, when a school's year may have other days or
 * times of lessons (its dates, a holiday period, its time slots): the lessons' side republishes the
 * plans that changed, without the calendar knowing about lessons.
 *
 * @param before the year's rules before the change; null when the year did not exist
 */
public record CalendarChanged(UUID schoolId, String year, YearCalendar before) {
}
