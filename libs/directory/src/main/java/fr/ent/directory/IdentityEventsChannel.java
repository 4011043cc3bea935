package fr.ent.directory;

import fr.ent.events.EventConsumer;
import fr.ent.events.ProjectionFeed;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the service's directory projection in step with identity-service: it comes with the
 * dependency, like its channel's settings (this jar's {@code META-INF/microprofile-config.properties}:
 * topic {@code ent.identity}, group id and dead-letter topic from the application's name) and its
 * tables (Flyway location {@code db/ent-directory}). A {@link ProjectionFeed}
 * ({@code <application>.directory}): each poll's records applied together in one transaction, each
 * event once.
 */
@ApplicationScoped
public class IdentityEventsChannel {

    private final ProjectionFeed directory;

    IdentityEventsChannel(EventConsumer events, DirectoryProjection projection) {
        this.directory = new ProjectionFeed(events, "directory", projection::apply);
    }

    @Incoming("identity-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return directory.handle(batch);
    }
}
