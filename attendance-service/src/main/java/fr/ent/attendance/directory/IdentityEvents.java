package fr.ent.attendance.directory;

import fr.ent.directory.DirectoryProjection;
import fr.ent.events.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the local directory (pupils, guardians, classes, teaching) in step with identity-service. */
@ApplicationScoped
public class IdentityEvents {

    private final EventConsumer events;
    private final DirectoryProjection directory;

    public IdentityEvents(EventConsumer events, DirectoryProjection directory) {
        this.events = events;
        this.directory = directory;
    }

    @Incoming("identity-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        events.handleOnce("attendance.directory", record, directory::apply);
    }
}
