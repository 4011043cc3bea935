package fr.ent.attendance.register;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The register (appel) of one lesson; {@code occurrenceId} ties it to timetable-service's occurrence, when known. */
public record Register(UUID id, UUID schoolId, UUID groupId, String subject, LocalDate date, LocalTime startsAt,
                       LocalTime endsAt, UUID timetableLessonId, UUID openedBy, OffsetDateTime openedAt,
                       RegisterStatus status, UUID submittedBy, OffsetDateTime submittedAt, UUID validatedBy,
                       OffsetDateTime validatedAt, String occurrenceId) {
}
