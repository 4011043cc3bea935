package fr.ent.notification.notice;

/** Fired in the transaction that wrote inbox rows or deliveries; observed after it commits. */
public record NotificationsWritten(int inboxRows, int deliveries) {
}
