package fr.ent.events.testapp;

import fr.ent.events.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/** Consumes ent.test-batch-in a poll at a time, the way a busy service consumes a topic. */
@ApplicationScoped
public class BatchCounterListener {

    @Inject
    EventConsumer events;

    @Inject
    Counters counters;

    @Incoming("test-batch-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("events-test.batch-counters", batch, all -> all.forEach(counters::apply));
    }
}
