package fr.ent.events.testapp;

import fr.ent.events.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Consumes ent.test-in the way a service consumes another service's topic. */
@ApplicationScoped
public class CounterListener {

    @Inject
    EventConsumer events;

    @Inject
    Counters counters;

    @Incoming("test-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        events.handleOnce("events-test.counters", record, counters::apply);
    }
}
