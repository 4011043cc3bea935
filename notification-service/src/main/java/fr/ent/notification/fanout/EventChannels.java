package fr.ent.notification.fanout;

import fr.ent.directory.DirectoryProjection;
import fr.ent.events.EventConsumer;
import fr.ent.notification.email.Contacts;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics notification-service listens to, each handled exactly once per event id (the id is
 * remembered in the handling transaction). A new topic (grades, timetable, messaging) is one more
 * method here plus its channel's configuration; its notifiers plug in by themselves.
 */
@ApplicationScoped
public class EventChannels {

    private final EventConsumer events;
    private final DirectoryProjection directory;
    private final Contacts contacts;
    private final FanOut fanOut;

    EventChannels(EventConsumer events, DirectoryProjection directory, Contacts contacts, FanOut fanOut) {
        this.events = events;
        this.directory = directory;
        this.contacts = contacts;
        this.fanOut = fanOut;
    }

    @Incoming("identity-events")
    @Blocking
    public void identity(ConsumerRecord<String, String> record) {
        events.handleOnce("notification.directory", record, directory::apply);
    }

    @Incoming("contact-events")
    @Blocking
    public void contacts(ConsumerRecord<String, String> record) {
        events.handleOnce("notification.contacts", record, contacts::apply);
    }

    /**
     * In order: events of one pupil share a key, and a family must not hear of an absence after
     * hearing it was cancelled.
     */
    @Incoming("attendance-events")
    @Blocking
    public void attendance(ConsumerRecord<String, String> record) {
        events.handleOnce("notification.attendance", record, fanOut::handle);
    }
}
