package fr.ent.timetable.importing;

import fr.ent.timetable.lesson.Recurrence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an import does (dry run) or did: lessons to create, previously imported lessons to end
 * (no longer in the file), lines already imported (unchanged), and errors, each naming its line
 * (and for iCalendar the event's UID) and its field.
 */
public record ImportReport(String format, int lines, List<Lesson> toCreate, List<Ended> toEnd, List<Lesson> unchanged,
                           List<LineError> errors) {

    public record Lesson(int line, String uid, String importKey, String subject, DayOfWeek dayOfWeek, String slot,
                         String endSlot, Recurrence recurrence, LocalDate startsOn, LocalDate endsOn, UUID lessonId) {
    }

    public record Ended(UUID lessonId, String subject, DayOfWeek dayOfWeek, String slot, String endSlot,
                        LocalDate endsFrom) {
    }

    public record LineError(int line, String uid, String field, String message) {
    }
}
