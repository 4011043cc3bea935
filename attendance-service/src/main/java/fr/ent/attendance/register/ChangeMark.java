package fr.ent.attendance.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalTime;

/** A correction of one pupil's mark after the roll call; the previous mark goes to the history. */
public record ChangeMark(@NotNull MarkStatus status, @Min(1) @Max(600) Integer lateMinutes, LocalTime leftAt) {
}
