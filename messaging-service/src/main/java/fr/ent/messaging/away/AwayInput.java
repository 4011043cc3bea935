package fr.ent.messaging.away;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** An absence (congé, formation) and the auto-reply those who write meanwhile receive. */
public record AwayInput(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt, @NotBlank @Size(max = 1000) String reply) {
}
