package fr.ent.messaging.message;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A message forwarded to new recipients, with a few words of one's own above it. */
public record ForwardInput(@Size(max = MessageInput.BODY_MAX) String body,
                           @NotNull @Size(min = 1, max = 200) List<@NotNull Addressee> to,
                           @Size(max = 200) List<@NotNull Addressee> cc,
                           @Size(max = 200) List<@NotNull Addressee> bcc) {
}
