package fr.ent.messaging.safety;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Blocks the sender of a report's message in the school for a number of days (1 to 365). */
public record BlockInput(@NotNull UUID personId, @NotNull @Min(1) @Max(365) Integer days) {
}
