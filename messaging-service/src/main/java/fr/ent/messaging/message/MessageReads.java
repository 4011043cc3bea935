package fr.ent.messaging.message;

import fr.ent.messaging.message.Views.MessageView;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** What other features may know of a message: the school of one a person received, its sender, and a reported message for staff. */
@ApplicationScoped
public class MessageReads {

    /** Nobody: a view for a reader who is neither the sender nor a bcc recipient. */
    private static final UUID NOBODY = new UUID(0, 0);

    private final MessageRepository messages;
    private final MessageService service;

    public MessageReads(MessageRepository messages, MessageService service) {
        this.messages = messages;
        this.service = service;
    }

    public record Received(UUID messageId, UUID schoolId) {
    }

    /** A message in the person's inbox (not hidden), or 404. */
    public Received received(UUID person, UUID messageId) {
        if (messages.holdings(person, messageId).stream().noneMatch(h -> h.box() == Box.INBOX)) {
            throw Problems.notFound("Message introuvable.");
        }
        MessageRow m = messages.find(messageId).filter(r -> r.hiddenAt() == null)
                .orElseThrow(() -> Problems.notFound("Message introuvable."));
        return new Received(m.id(), m.schoolId());
    }

    public UUID senderOf(UUID messageId) {
        return messages.find(messageId).orElseThrow().senderId();
    }

    /** The reported message as staff see it: to and cc, never bcc nor read receipts. */
    public MessageView reported(UUID messageId) {
        return service.view(messages.find(messageId).orElseThrow(), NOBODY);
    }
}
