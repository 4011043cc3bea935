package fr.ent.directory;

import fr.ent.events.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The consumer every service writes (README.md), here to test the whole consume path. */
@ApplicationScoped
public class IdentityEventsConsumer {

    @Inject
    EventConsumer events;

    @Inject
    DirectoryProjection directory;

    @Incoming("identity-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        events.handleOnce("directory-test.directory", record, directory::apply);
    }
}
