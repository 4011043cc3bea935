package fr.ent.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification in a person's inbox. {@code seq} orders the inbox and is the live stream's
 * event id; {@code child} says which of a guardian's children it is about.
 */
public record InboxEntry(UUID id, long seq, String type, UUID schoolId, Child child, String title, String body,
                         String link, Instant occurredAt, Instant createdAt, boolean read) {

    /** The child a notification concerns. */
    public record Child(UUID id, String firstName) {
    }
}
