package fr.ent.messaging.message;

/** How a recipient was addressed; bcc recipients are shown to the sender and to themselves only. */
public enum Kind {
    TO, CC, BCC
}
