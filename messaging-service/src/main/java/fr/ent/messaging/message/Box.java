package fr.ent.messaging.message;

/** Where a person holds a message: received, sent, a draft being written; trash is a flag on any of them. */
public enum Box {
    INBOX, SENT, DRAFT
}
