package fr.ent.notification.notice;

/** Where a notification can reach a person. Push comes later (web push). */
public enum Channel {
    IN_APP, EMAIL
}
