package fr.ent.notification.fanout;

import fr.ent.events.EventConsumer;
import fr.ent.events.IncomingEvent;
import fr.ent.notification.email.Contacts;
import fr.ent.notification.home.HomeProjection;
import fr.ent.notification.messaging.MessageRecalls;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The topics notification-service listens to, each handled exactly once per event id (the ids are
 * remembered in the handling transaction). Each poll's records are handled together, in one
 * transaction, in order (so in order per key); a record that fails goes alone to the dead-letter
 * topic (see {@link EventConsumer#handleBatch}). The identity events that feed the directory are
 * consumed by libs/directory itself ({@code IdentityEventsChannel}). A new topic (grades, timetable, messaging) is one
 * more method here plus its channel's configuration; its notifiers plug in by themselves.
 */
@ApplicationScoped
public class EventChannels {

    private final EventConsumer events;
    private final Contacts contacts;
    private final FanOut fanOut;
    private final HomeProjection home;
    private final MessageRecalls recalls;

    EventChannels(EventConsumer events, Contacts contacts, FanOut fanOut, HomeProjection home, MessageRecalls recalls) {
        this.events = events;
        this.contacts = contacts;
        this.fanOut = fanOut;
        this.home = home;
        this.recalls = recalls;
    }

    /** Tells who must be told, then keeps the homes' read model, in the same transaction. */
    private void handle(List<IncomingEvent> all) {
        fanOut.handleAll(all);
        home.applyAll(all);
    }

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> contacts(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("notification.contacts", batch, all -> all.forEach(contacts::apply));
    }

    /**
     * In order (@Blocking is ordered: one batch at a time, records in offset order): events of one
     * pupil share a key, and a family must not hear of an absence after hearing it was cancelled.
     */
    @Incoming("attendance-events")
    @Blocking
    public CompletionStage<Void> attendance(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("notification.attendance", batch, this::handle);
    }

    /** Lesson changes and teachers' absences (keyed by lesson, by teacher): in order, as above. */
    @Incoming("timetable-events")
    @Blocking
    public CompletionStage<Void> timetable(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("notification.timetable", batch, this::handle);
    }

    /** Marks published and changed (keyed by assessment): in order, as above. */
    @Incoming("grades-events")
    @Blocking
    public CompletionStage<Void> grades(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("notification.grades", batch, this::handle);
    }

    /** Work set, reminders, hand-ins and feedback (keyed by work): in order, as above. */
    @Incoming("homework-events")
    @Blocking
    public CompletionStage<Void> homework(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("notification.homework", batch, this::handle);
    }

    /**
     * Messages received, broadcasts to acknowledge, reports (keyed by recipient, by school): in order, as
     * above. A recall takes back its message's notice ({@link MessageRecalls}): after the batch's notices,
     * since a message's own event always comes before its recall (same key).
     */
    @Incoming("messaging-events")
    @Blocking
    public CompletionStage<Void> messaging(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("notification.messaging", batch, all -> {
            fanOut.handleAll(all.stream().filter(e -> !MessageRecalls.isRecall(e)).toList());
            recalls.retract(all.stream().filter(MessageRecalls::isRecall).toList());
            home.applyAll(all);
        });
    }
}
