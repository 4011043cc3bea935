package fr.ent.homework.work;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Work to set: for a class or group in a subject the teacher teaches there (or {@code pupilIds},
 * chosen pupils of it); on a lesson of the cahier de textes ({@code logEntryId}, of the same class
 * and subject), on a timetable occurrence the teacher teaches ({@code occurrenceId}, of that class
 * or group) or a day ({@code setOn}, default today); due on {@code dueOn} at {@code dueTime}
 * (default 08:00), or for the class's next lesson ({@code dueForNextLesson}: its day and start time,
 * from the timetable); visible to pupils from {@code visibleFrom} (default now), which must precede
 * the due time.
 */
public record WorkInput(@NotNull UUID classGroupId,
                        @NotBlank @Size(max = 40) String subject,
                        UUID logEntryId,
                        @Size(max = 60) String occurrenceId,
                        LocalDate setOn,
                        LocalDate dueOn,
                        Boolean dueForNextLesson,
                        LocalTime dueTime,
                        @NotNull WorkKind kind,
                        @NotBlank @Size(max = 200) String title,
                        @NotNull @Size(max = 20000) String instructions,
                        @NotNull @Min(1) @Max(600) Integer estimatedMinutes,
                        OffsetDateTime visibleFrom,
                        @Size(max = 100) List<UUID> pupilIds,
                        @Size(max = 10) List<UUID> attachmentIds) {
}
