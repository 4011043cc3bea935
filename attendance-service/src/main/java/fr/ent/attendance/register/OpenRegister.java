package fr.ent.attendance.register;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Opens the register of a lesson; with {@code marks}, takes the roll call in the same request (the
 * whole class at once). {@code schoolId} may be left out: the class or group says which school.
 * {@code occurrenceId} ties it to timetable-service's lesson occurrence (left out where the school
 * has no timetable).
 */
public record OpenRegister(UUID schoolId,
                           @NotNull UUID groupId,
                           @NotBlank @Size(max = 120) String subject,
                           @NotNull LocalDate date,
                           @NotNull LocalTime startsAt,
                           @NotNull LocalTime endsAt,
                           UUID timetableLessonId,
                           @Size(max = 60) String occurrenceId,
                           @Valid @Size(max = 200) List<@NotNull @Valid MarkInput> marks) {
}
