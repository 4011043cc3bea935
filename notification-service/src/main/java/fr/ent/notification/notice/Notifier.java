package fr.ent.notification.notice;

import fr.ent.events.IncomingEvent;

import java.util.List;

/**
 * Turns one kind of event into notices: who is told, and what. One small bean per event type
 * (absence recorded, threshold reached, mark published...); adding one needs no change elsewhere
 * but the Kafka channel of its topic. Runs inside the consumer's transaction: it may read the
 * directory, and must not write anything itself.
 */
public interface Notifier {

    /** The CloudEvents type handled, e.g. {@code fr.ent.attendance.absence-recorded.v1}. */
    String eventType();

    /** The kind of notification produced, with its default channels. */
    NotificationType notificationType();

    /** The notices for this event; empty when nobody is to be told. Throw PoisonEventException for a payload that makes no sense. */
    List<Notice> notices(IncomingEvent event);

    /**
     * Which part of the event a notice tells of, when one event tells a person several things (a
     * teacher's absence: one notice per child and per day to a guardian); null (the default): the
     * person gets one notice for the event. Each part is stored and deduplicated on its own id,
     * derived from the event's id and the part, so a redelivered event still tells nobody twice.
     */
    default String partOf(Notice notice) {
        return null;
    }
}
