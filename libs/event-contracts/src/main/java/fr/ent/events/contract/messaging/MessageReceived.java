package fr.ent.events.contract.messaging;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message reached a person's inbox: one event per recipient, keyed by recipient id. Ids, the
 * sender's profile (STAFF, TEACHER, GUARDIAN, PUPIL) and the time only: never the subject or body
 * (a notice says « Nouveau message de … », the reader opens the message in the ENT).
 */
@EventContract(type = MessageReceived.TYPE, topic = Topics.MESSAGING)
public record MessageReceived(UUID messageId, UUID conversationId, UUID schoolId, UUID recipientId, UUID senderId,
                              String senderProfile, OffsetDateTime sentAt) {

    public static final String TYPE = "fr.ent.messaging.message-received.v1";
}
