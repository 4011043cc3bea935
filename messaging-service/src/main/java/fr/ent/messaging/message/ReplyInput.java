package fr.ent.messaging.message;

import jakarta.validation.constraints.Size;

/** A reply: to the sender only, or to everyone the message went to (bcc excepted) when {@code all}. */
public record ReplyInput(@Size(max = MessageInput.BODY_MAX) String body, Boolean all) {

    public ReplyInput {
        all = Boolean.TRUE.equals(all);
    }
}
