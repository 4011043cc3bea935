package fr.ent.timetable.importing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One lesson as a file states it, before names are resolved: its line (CSV line number; for
 * iCalendar the line of BEGIN:VEVENT) and, for iCalendar, the event's UID. A slot is given by its
 * code (CSV: {@code slot}, and {@code endSlot} for a lesson over several, "M1-M2") or by its times
 * (iCalendar: from the start of one slot to the end of the same or a later one); {@code week} is WEEKLY, WEEK_A, WEEK_B or ONCE (then {@code date}).
 */
record ImportLine(int line, String uid, String slot, String endSlot, LocalTime startsAt, LocalTime endsAt, DayOfWeek day,
                  String week, String subject, List<String> teachers, List<String> classesAndGroups, String room,
                  LocalDate from, LocalDate to, LocalDate date) {
}
