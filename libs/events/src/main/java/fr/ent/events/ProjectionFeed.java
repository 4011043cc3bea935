package fr.ent.events;

import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Keeps a local projection of another service's facts in step with that service's topic, through
 * the {@link EventConsumer}: each poll's events applied one by one, in record order, in one
 * transaction, each event once; an event that keeps failing goes to the dead-letter topic, a
 * database outage is waited out. The consumer is named {@code <quarkus.application.name>.<projection>}
 * (e.g. {@code attendance-service.lessons}): the processed-event ids are remembered under that name.
 *
 * <pre>{@code
 * TimetableEventsChannel(EventConsumer events, TimetableProjection projection) {
 *     this.lessons = new ProjectionFeed(events, "lessons", projection::apply);
 * }
 *
 * @Incoming("timetable-events")
 * @Blocking
 * public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
 *     return lessons.handle(batch);
 * }
 * }</pre>
 */
public final class ProjectionFeed {

    private final EventConsumer events;
    private final String consumer;
    private final Consumer<IncomingEvent> apply;

    /**
     * @param projection names the projection within the service ({@code directory}, {@code lessons})
     * @param apply      applies one event, in the caller's transaction
     */
    public ProjectionFeed(EventConsumer events, String projection, Consumer<IncomingEvent> apply) {
        this.events = events;
        this.consumer = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class) + "." + projection;
        this.apply = apply;
    }

    /** What the channel's batch {@code @Incoming} method returns: completes once the batch is acknowledged. */
    public CompletionStage<Void> handle(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch(consumer, batch, all -> all.forEach(apply));
    }

    /** The consumer's name, under which the processed-event ids are remembered. */
    public String consumer() {
        return consumer;
    }
}
