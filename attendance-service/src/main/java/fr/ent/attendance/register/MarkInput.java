package fr.ent.attendance.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalTime;
import java.util.UUID;

/** One pupil's mark: LATE needs lateMinutes, LEFT_EARLY needs leftAt (within the lesson). */
public record MarkInput(@NotNull UUID pupilId, @NotNull MarkStatus status,
                       @Min(1) @Max(600) Integer lateMinutes, LocalTime leftAt) {
}
