package fr.ent.notification.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What one person should be told about one event: short French texts, the child it concerns (so
 * a guardian's single feed can be filtered per child) and a link into the portal. Never anything
 * confidential: these texts go out by e-mail.
 *
 * @param recipientId    the person told
 * @param schoolId       the school it happened in (name in e-mails, quiet hours' time zone)
 * @param childId        the pupil it is about, or null
 * @param childFirstName the pupil's first name, or null
 * @param title          one line, e.g. « Absence de Léa »
 * @param body           what happened, in one or two sentences
 * @param link           path in the portal (e.g. {@code /vie-scolaire/absences/...}), or null
 * @param occurredAt     when it happened
 * @param delay          how long to hold it back (zero: at once)
 */
public record Notice(UUID recipientId, UUID schoolId, UUID childId, String childFirstName, String title,
                     String body, String link, Instant occurredAt, Duration delay) {

    public Notice {
        delay = delay == null ? Duration.ZERO : delay;
    }

    public Notice to(UUID otherRecipient) {
        return new Notice(otherRecipient, schoolId, childId, childFirstName, title, body, link, occurredAt, delay);
    }

    public Notice after(Duration holdBack) {
        return new Notice(recipientId, schoolId, childId, childFirstName, title, body, link, occurredAt, holdBack);
    }

    public boolean held() {
        return !delay.isZero() && !delay.isNegative();
    }
}
