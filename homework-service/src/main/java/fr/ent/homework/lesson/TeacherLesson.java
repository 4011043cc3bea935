package fr.ent.homework.lesson;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A lesson of a teacher's day (timetable-service's occurrence) with, per class or group, where its
 * cahier de textes stands.
 *
 * @param subject the subject as the timetable names it
 */
public record TeacherLesson(String occurrenceId, UUID lessonId, UUID schoolId, LocalDate date, LocalTime startsAt,
                            LocalTime endsAt, String subject, boolean cancelled, boolean substituted,
                            List<ClassLog> classes) {

    /** Where the entry of the cahier de textes stands for one class or group of the lesson. */
    public enum LogStatus { PUBLISHED, DRAFT, MISSING }

    /**
     * @param logEntryId the entry (published, or the caller's own draft), null when MISSING
     * @param works      work set in that lesson for that class or group
     */
    public record ClassLog(UUID classGroupId, LogStatus status, UUID logEntryId, long works) {
    }
}
