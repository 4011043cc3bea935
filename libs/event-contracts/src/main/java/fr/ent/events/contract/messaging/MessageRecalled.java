package fr.ent.events.contract.messaging;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Its sender recalled a message nobody had read yet: one event per recipient, keyed by recipient id
 * like {@link MessageReceived} (so it always follows the message's own event). Consumers take back
 * what they told the recipient about it (notification-service removes the notice and does not send
 * its e-mail if it has not gone yet). Ids and the time only.
 */
@EventContract(type = MessageRecalled.TYPE, topic = Topics.MESSAGING)
public record MessageRecalled(UUID messageId, UUID schoolId, UUID recipientId, UUID senderId, OffsetDateTime recalledAt) {

    public static final String TYPE = "fr.ent.messaging.message-recalled.v1";
}
