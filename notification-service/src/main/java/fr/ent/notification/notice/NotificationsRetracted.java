package fr.ent.notification.notice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fired in the transaction that took notices back (a recalled message): the inbox ids removed, per
 * recipient; observed after it commits, to tell the recipients' open streams.
 */
public record NotificationsRetracted(Map<UUID, List<UUID>> byRecipient) {
}
