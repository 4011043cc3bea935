package fr.ent.attendance.lesson;

import fr.ent.events.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the lesson occurrences in step with timetable-service (channel {@code timetable-events},
 * topic {@code ent.timetable}, see application.properties): each poll's records applied together
 * in one transaction, each event once; an event that keeps failing goes to the dead-letter topic,
 * a database outage is waited out.
 */
@ApplicationScoped
public class TimetableEventsChannel {

    private final EventConsumer events;
    private final TimetableProjection projection;
    private final String consumer;

    TimetableEventsChannel(EventConsumer events, TimetableProjection projection,
                           @ConfigProperty(name = "quarkus.application.name") String application) {
        this.events = events;
        this.projection = projection;
        this.consumer = application + ".lessons";
    }

    @Incoming("timetable-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch(consumer, batch, all -> all.forEach(projection::apply));
    }
}
