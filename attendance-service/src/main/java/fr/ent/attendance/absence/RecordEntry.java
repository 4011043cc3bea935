package fr.ent.attendance.absence;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * An entry staff put on a pupil's record, in school-local times. An absence covers
 * [startsAt, endsAt) — a lesson, a half-day or several days, possibly ahead of time; a lateness is
 * {@code lateMinutes} from startsAt; an early departure leaves at startsAt until endsAt.
 */
public record RecordEntry(@NotNull UUID pupilId,
                          @NotNull LocalDateTime startsAt,
                          LocalDateTime endsAt,
                          @Min(1) @Max(600) Integer lateMinutes,
                          UUID reasonId,
                          @Size(max = 500) String comment) {
}
