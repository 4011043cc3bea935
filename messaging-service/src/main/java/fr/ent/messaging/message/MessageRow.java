package fr.ent.messaging.message;

import java.time.Instant;
import java.util.UUID;

/** A message as stored. */
public record MessageRow(UUID id, UUID conversationId, UUID schoolId, UUID senderId, UUID inReplyTo, String subject,
                         String body, String recipientsSpec, Instant createdAt, Instant updatedAt, Instant sentAt,
                         Instant recalledAt, Instant hiddenAt) {
}
