package fr.ent.notification.notice;

/** How a channel is used for a type of notification. DIGEST is for e-mail only: once a day, together. */
public enum Mode {
    OFF, IMMEDIATE, DIGEST
}
