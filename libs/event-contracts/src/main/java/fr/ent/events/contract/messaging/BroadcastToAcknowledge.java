package fr.ent.events.contract.messaging;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A school's staff sent an information a family must acknowledge (or reminded a family that has
 * not): one event per guardian, keyed by guardian id. Ids and times only, never the text.
 * {@code reminder} is true for a reminder.
 */
@EventContract(type = BroadcastToAcknowledge.TYPE, topic = Topics.MESSAGING)
public record BroadcastToAcknowledge(UUID broadcastId, UUID schoolId, UUID guardianId, UUID senderId, boolean reminder,
                                     OffsetDateTime sentAt) {

    public static final String TYPE = "fr.ent.messaging.broadcast-to-acknowledge.v1";
}
