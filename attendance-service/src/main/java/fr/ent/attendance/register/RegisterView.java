package fr.ent.attendance.register;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A register as the API shows it: the lesson, its status and one line per pupil. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterView(UUID id, UUID schoolId, UUID groupId, String subject, LocalDate date, LocalTime startsAt,
                           LocalTime endsAt, UUID timetableLessonId, String occurrenceId, RegisterStatus status, UUID openedBy,
                           OffsetDateTime submittedAt, UUID submittedBy, OffsetDateTime validatedAt,
                           Counts counts, List<Line> pupils) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(UUID pupilId, String firstName, String lastName, MarkStatus status, Integer lateMinutes,
                       LocalTime leftAt, UUID entryId) {
    }

    public record Counts(int pupils, int present, int absent, int late, int leftEarly) {
    }
}
