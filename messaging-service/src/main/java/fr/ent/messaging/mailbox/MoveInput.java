package fr.ent.messaging.mailbox;

import java.util.UUID;

/** Where to file a message: one of one's folders, or back to its box when null. */
public record MoveInput(UUID folderId) {
}
