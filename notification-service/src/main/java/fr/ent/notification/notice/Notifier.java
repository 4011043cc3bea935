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
}
