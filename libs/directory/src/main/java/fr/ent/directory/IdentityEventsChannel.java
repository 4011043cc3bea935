package fr.ent.directory;

import fr.ent.events.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * Keeps the service's directory projection in step with identity-service: it comes with the
 * dependency, like its channel's settings (this jar's {@code META-INF/microprofile-config.properties}:
 * topic {@code ent.identity}, group id and dead-letter topic from the application's name) and its
 * tables (Flyway location {@code db/ent-directory}). Each poll's records are applied together in one
 * transaction, each event once.
 */
@ApplicationScoped
public class IdentityEventsChannel {

    private final EventConsumer events;
    private final DirectoryProjection directory;
    private final String consumer;

    IdentityEventsChannel(EventConsumer events, DirectoryProjection directory,
                          @ConfigProperty(name = "quarkus.application.name") String application) {
        this.events = events;
        this.directory = directory;
        this.consumer = application + ".directory";
    }

    @Incoming("identity-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch(consumer, batch, all -> all.forEach(directory::apply));
    }
}
