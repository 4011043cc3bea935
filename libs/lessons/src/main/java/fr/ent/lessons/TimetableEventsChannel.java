package fr.ent.lessons;

import fr.ent.events.EventConsumer;
import fr.ent.events.ProjectionFeed;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the lesson occurrences in step with timetable-service (channel {@code timetable-events},
 * topic {@code ent.timetable}, see application.properties), as a {@link ProjectionFeed}
 * ({@code <application>.lessons}).
 */
@ApplicationScoped
public class TimetableEventsChannel {

    private final ProjectionFeed lessons;

    TimetableEventsChannel(EventConsumer events, TimetableProjection projection) {
        this.lessons = new ProjectionFeed(events, "lessons", projection::apply);
    }

    @Incoming("timetable-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return lessons.handle(batch);
    }
}
