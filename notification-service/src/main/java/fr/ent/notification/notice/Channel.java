package fr.ent.notification.notice;

/** Where a notification can reach a person: the inbox (and its live stream), e-mail, web push to their devices. */
public enum Channel {
    IN_APP, EMAIL, PUSH
}
