package fr.ent.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * The idempotent consumer. Use it from a blocking {@code @Incoming} method whose channel has
 * {@code failure-strategy=dead-letter-queue}; do not make that method {@code @Transactional}
 * (each attempt runs in a transaction of its own).
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private static final String REMEMBER = """
            insert into ent_processed_event (consumer, event_id, event_type) values (?, ?, ?)
            on conflict do nothing""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    /**
     * Parses the CloudEvent; in ONE transaction skips it if `consumer` already processed its id,
     * else runs the handler and remembers the id. A handler that keeps failing, or an unreadable
     * record, ends in an exception that the channel's dead-letter-queue strategy sends to the DLQ
     * with the reason; the stream goes on.
     *
     * @param consumer names the consumer within the service, e.g. {@code attendance.directory}
     * @throws PoisonEventException   the record cannot be read (not retried)
     * @throws EventHandlingException the handler failed on every attempt
     */
    public void handleOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (PoisonEventException e) {
            LOG.warnf("%s: unreadable record %s-%d@%d goes to the dead-letter topic: %s",
                    consumer, record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        int attempts = Math.max(1, config.consumer().maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                boolean handled = QuarkusTransaction.requiringNew().call(() -> {
                    if (!remember(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                if (!handled) {
                    LOG.debugf("%s: event %s (%s) already handled, skipped", consumer, event.id(), event.type());
                }
                return;
            } catch (RuntimeException e) {
                PoisonEventException poison = poisonIn(e);
                if (poison != null) {
                    LOG.warnf("%s: event %s (%s) is unreadable and goes to the dead-letter topic: %s",
                            consumer, event.id(), event.type(), poison.getMessage());
                    throw poison;
                }
                if (attempt >= attempts) {
                    String reason = consumer + " failed " + attempt + " times on event " + event.id()
                            + " (" + event.type() + "): " + describe(e);
                    LOG.errorf(e, "%s; it goes to the dead-letter topic", reason);
                    throw new EventHandlingException(reason, e);
                }
                LOG.warnf("%s: attempt %d/%d on event %s (%s) failed, retrying: %s",
                        consumer, attempt, attempts, event.id(), event.type(), describe(e));
                pause(config.consumer().backoff().toMillis() * attempt);
            }
        }
    }

    private boolean remember(String consumer, IncomingEvent event) throws SQLException {
        // The transaction's own connection: the id is remembered only if the handler's changes commit.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(REMEMBER)) {
            insert.setString(1, consumer);
            insert.setObject(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        }
    }

    /** Forgets ids older than any possible redelivery. */
    @Scheduled(identity = "ent-processed-event-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from ent_processed_event where processed_at < now() - cast(? as interval)")) {
            delete.setString(1, config.consumer().retention().toSeconds() + " seconds");
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf(e, "cannot purge processed events");
        }
    }

    private static PoisonEventException poisonIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException poison) {
                return poison;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e == root ? String.valueOf(e.getMessage())
                : e.getMessage() + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return e.getClass().getSimpleName() + ": " + message;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventHandlingException("interrupted while waiting to retry", e);
        }
    }
}
