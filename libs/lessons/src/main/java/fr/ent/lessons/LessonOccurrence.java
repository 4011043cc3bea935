package fr.ent.lessons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A lesson occurrence as timetable-service says it now takes place (attendance's projection). */
public record LessonOccurrence(String occurrenceId, UUID lessonId, UUID schoolId, LocalDate plannedDate, LocalDate date,
                               LocalTime startsAt, LocalTime endsAt, String subject, List<UUID> classIds,
                               List<UUID> groupIds, List<UUID> teacherIds, UUID roomId, boolean cancelled,
                               boolean moved, boolean substituted, boolean roomChanged, boolean added) {

    /** Whether the class or group is one of the occurrence's. */
    public boolean isFor(UUID classOrGroup) {
        return classIds.contains(classOrGroup) || groupIds.contains(classOrGroup);
    }
}
