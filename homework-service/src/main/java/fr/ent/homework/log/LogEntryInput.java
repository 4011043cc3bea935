package fr.ent.homework.log;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A lesson log entry: the class or group, the subject the author teaches there, the lesson (a
 * timetable occurrence {@code occurrenceId} the author teaches, of that class or group, whose day
 * it takes; or, without a timetable, the day {@code lessonOn}), a title and what was done; files
 * uploaded first ({@code attachmentIds}); {@code published} false keeps it a draft. On a change,
 * {@code classGroupId} and {@code subject} must stay.
 */
public record LogEntryInput(@NotNull UUID classGroupId,
                            @NotBlank @Size(max = 40) String subject,
                            @Size(max = 60) String occurrenceId,
                            LocalDate lessonOn,
                            @NotBlank @Size(max = 200) String title,
                            @NotNull @Size(max = 20000) String content,
                            @Size(max = 10) List<UUID> attachmentIds,
                            Boolean published) {
}
