package fr.ent.timetable.lesson;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A lesson as planned; {@code endSlot}: its last slot when it lasts several (null: one slot). */
public record LessonView(UUID id, UUID schoolId, String year, String subject, String slot, String endSlot, DayOfWeek dayOfWeek,
                         Recurrence recurrence, LocalDate startsOn, LocalDate endsOn, UUID roomId, boolean exceptional,
                         List<UUID> teacherIds, List<UUID> classIds, List<UUID> groupIds) {
}
