package fr.ent.messaging.school;

import jakarta.validation.constraints.NotNull;

/** Whether a school's messaging, and its mass sending, are on. */
public record Switches(@NotNull Boolean messaging, @NotNull Boolean massSending) {
}
