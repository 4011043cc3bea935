package fr.ent.notification.email;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** To send once due (quiet hours and retries move due_at). */
    PENDING,
    /** Waits for the recipient's daily digest. */
    DIGEST,
    SENT,
    /** Every attempt failed; last_error says why. */
    FAILED,
    /** Nothing to send to: the person has no e-mail address. */
    SKIPPED
}
