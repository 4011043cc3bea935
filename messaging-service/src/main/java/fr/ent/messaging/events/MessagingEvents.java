package fr.ent.messaging.events;

import fr.ent.events.Outbox;
import fr.ent.events.contract.messaging.BroadcastToAcknowledge;
import fr.ent.events.contract.messaging.MessageReceived;
import fr.ent.events.contract.messaging.MessageRecalled;
import fr.ent.events.contract.messaging.ReportMade;
import fr.ent.messaging.rules.Profile;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * The events of messaging-service, written to the outbox in the caller's transaction, keyed by
 * recipient. Ids, the sender's profile and times; never a subject or a body.
 */
@ApplicationScoped
public class MessagingEvents {

    private final Outbox outbox;
    private final SchoolClock clock;

    public MessagingEvents(Outbox outbox, SchoolClock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One event per recipient (a message to 800 families is 800 outbox rows in one batch). */
    public void received(UUID messageId, UUID conversationId, UUID schoolId, UUID senderId, Profile senderProfile,
                         Instant sentAt, Collection<UUID> recipients) {
        outbox.publishAll(recipients.stream().sorted().map(r -> new Outbox.Pending(
                new MessageReceived(messageId, conversationId, schoolId, r, senderId, senderProfile.name(),
                        sentAt.atZone(clock.zone()).toOffsetDateTime()),
                r.toString(), messageId + "/" + r, schoolId)).toList());
    }

    /** One event per recipient, keyed like {@link #received}: consumers take back the notice of the message. */
    public void recalled(UUID messageId, UUID schoolId, UUID senderId, Instant at, Collection<UUID> recipients) {
        outbox.publishAll(recipients.stream().sorted().map(r -> new Outbox.Pending(
                new MessageRecalled(messageId, schoolId, r, senderId, at(at)),
                r.toString(), messageId + "/" + r, schoolId)).toList());
    }

    /** Keyed by school: the school's staff are told. */
    public void reportMade(UUID reportId, UUID messageId, UUID schoolId, Profile reporter, Instant at) {
        outbox.publish(new ReportMade(reportId, messageId, schoolId, reporter.name(), at(at)), schoolId.toString(),
                reportId.toString(), schoolId);
    }

    /** One event per guardian to acknowledge (a broadcast, or a reminder to those who have not). */
    public void toAcknowledge(UUID broadcastId, UUID schoolId, UUID senderId, boolean reminder, Instant at,
                              Collection<UUID> guardians) {
        outbox.publishAll(guardians.stream().sorted().map(g -> new Outbox.Pending(
                new BroadcastToAcknowledge(broadcastId, schoolId, g, senderId, reminder, at(at)),
                g.toString(), broadcastId + "/" + g, schoolId)).toList());
    }

    private java.time.OffsetDateTime at(Instant instant) {
        return instant.atZone(clock.zone()).toOffsetDateTime();
    }
}
