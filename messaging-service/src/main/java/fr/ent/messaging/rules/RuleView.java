package fr.ent.messaging.rules;

import jakarta.validation.constraints.NotNull;

/** One row of the rule table: senders of that profile may write to recipients of that profile this far. */
public record RuleView(@NotNull Profile sender, @NotNull Profile recipient, @NotNull Reach reach) {
}
