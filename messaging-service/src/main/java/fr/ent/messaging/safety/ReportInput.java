package fr.ent.messaging.safety;

import jakarta.validation.constraints.NotNull;

/** Why a message is reported: a category, never free text. */
public record ReportInput(@NotNull Reason reason) {

    public enum Reason { INSULT, HARASSMENT, INAPPROPRIATE, SPAM, OTHER }
}
