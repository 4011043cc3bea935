package fr.ent.events;

import fr.ent.web.problem.TransientFailure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The idempotent consumer. Use it from a blocking {@code @Incoming} method whose channel has
 * {@code failure-strategy=dead-letter-queue}; do not make that method {@code @Transactional}
 * (each attempt runs in a transaction of its own). One record at a time with
 * {@link #handleOnce}, or a poll's records together with {@link #handleBatch}.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private static final String REMEMBER = """
            insert into ent_processed_event (consumer, event_id, event_type) values (?, ?, ?)
            on conflict do nothing""";

    // Sorted: two instances remembering overlapping batches (during a rebalance) lock ids in the same order.
    private static final String REMEMBER_ALL = """
            insert into ent_processed_event (consumer, event_id, event_type)
            select ?, u.id, u.type from unnest(?::uuid[], ?::text[]) as u(id, type)
            order by u.id
            on conflict do nothing
            returning event_id""";

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
     * @param consumer names the consumer within the service, e.g. {@code homework.lessons}
     * @throws PoisonEventException   the record cannot be read (not retried)
     * @throws EventHandlingException the handler failed on every attempt
     */
    public void handleOnce(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        handleOnce(consumer, read(consumer, record), handler);
    }

    /**
     * The batch form, for a channel that receives a poll's records at once (a
     * {@code KafkaRecordBatch<String, String>} parameter, {@code batch=true}): fewer transactions and
     * round trips when events arrive faster than one transaction each can follow.
     * <ul>
     * <li>In ONE transaction: remembers, in one statement, the ids of the batch this consumer has not
     * processed yet, and hands those events to the handler, in record order (so in order per key),
     * each id once.</li>
     * <li>If anything fails, that transaction rolls back and each record is handled alone, exactly as
     * {@link #handleOnce} would (same retries): the good ones are processed, and each record that
     * fails alone, or cannot be read, goes to the dead-letter topic with its reason.</li>
     * <li>Then the batch is acknowledged; if a record could not be dead-lettered, it is not, and the
     * records come back after a restart (the processed ones are skipped then).</li>
     * </ul>
     *
     * @param handler handles the given events in order, in the caller's transaction
     * @return completes once the batch is acknowledged; return it from the {@code @Incoming} method
     */
    public CompletionStage<Void> handleBatch(String consumer, KafkaRecordBatch<String, String> batch,
                                             Consumer<List<IncomingEvent>> handler) {
        List<Rejected> rejected = new ArrayList<>();
        List<Readable> readable = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                readable.add(new Readable(record, read(consumer, consumerRecord(record))));
            } catch (PoisonEventException e) {
                rejected.add(new Rejected(record, e));
            }
        }
        List<IncomingEvent> events = readable.stream().map(Readable::event).toList();
        // A lone event goes straight to handleOnce: nothing to share, and its retries apply as they are.
        if (events.size() == 1 || (events.size() > 1 && !handleTogetherOutlastingOutages(consumer, events, handler))) {
            for (Readable r : readable) {
                try {
                    handleOnce(consumer, r.event(), alone -> handler.accept(List.of(alone)));
                } catch (RuntimeException e) {
                    rejected.add(new Rejected(r.record(), e));
                }
            }
        }
        // Nacking one record sends it to the channel's dead-letter topic with the reason (and
        // acknowledges it); the batch's own ack then commits its latest offsets.
        CompletableFuture<?>[] deadLetters = rejected.stream()
                .map(r -> r.record().nack(r.reason()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(deadLetters).handle((ok, failure) -> failure).thenCompose(failure -> {
            if (failure != null) {
                LOG.errorf("%s: a record of the batch could not be dead-lettered, the batch is not acknowledged: %s",
                        consumer, describe(failure));
                return CompletableFuture.<Void>completedFuture(null);
            }
            return batch.ack();
        });
    }

    private record Readable(KafkaRecord<String, String> record, IncomingEvent event) {
    }

    private record Rejected(KafkaRecord<String, String> record, RuntimeException reason) {
    }

    /**
     * Handles the events together; while a server is unreachable, waits and tries again (the batch
     * is neither acknowledged nor dead-lettered). False once it failed for another reason.
     */
    private boolean handleTogetherOutlastingOutages(String consumer, List<IncomingEvent> events,
                                                    Consumer<List<IncomingEvent>> handler) {
        Outage outage = new Outage();
        while (true) {
            RuntimeException failure = handleTogether(consumer, events, handler);
            if (failure == null) {
                outage.over(consumer);
                return true;
            }
            if (poisonIn(failure) != null || !isOutage(failure)) {
                outage.over(consumer);
                LOG.warnf("%s: a batch of %d events failed together, handling them one by one: %s",
                        consumer, events.size(), describe(failure));
                return false;
            }
            outage.waitAfter(consumer, "a batch of " + events.size() + " events", failure);
        }
    }

    /** Handles the events in one transaction; the failure if it failed (rolled back), else null. */
    private RuntimeException handleTogether(String consumer, List<IncomingEvent> events, Consumer<List<IncomingEvent>> handler) {
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                Set<UUID> fresh = rememberAll(consumer, events);
                // fresh.remove: an id twice in the batch (a redelivery) is handled once, at its first place.
                List<IncomingEvent> toHandle = events.stream().filter(e -> fresh.remove(e.id())).toList();
                if (!toHandle.isEmpty()) {
                    handler.accept(toHandle);
                }
                if (toHandle.size() < events.size()) {
                    LOG.debugf("%s: %d of %d events of the batch already handled, skipped",
                            consumer, events.size() - toHandle.size(), events.size());
                }
                return null;
            });
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void handleOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        int attempts = Math.max(1, config.consumer().maxAttempts());
        int failures = 0;
        Outage outage = new Outage();
        while (true) {
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
                outage.over(consumer);
                return;
            } catch (RuntimeException e) {
                PoisonEventException poison = poisonIn(e);
                if (poison != null) {
                    LOG.warnf("%s: event %s (%s) is unreadable and goes to the dead-letter topic: %s",
                            consumer, event.id(), event.type(), poison.getMessage());
                    throw poison;
                }
                if (isOutage(e)) {
                    // Not the event's fault: wait for the server and try again, never move past it.
                    outage.waitAfter(consumer, "event " + event.id() + " (" + event.type() + ")", e);
                    continue;
                }
                outage.over(consumer);
                failures++;
                if (failures >= attempts) {
                    String reason = consumer + " failed " + failures + " times on event " + event.id()
                            + " (" + event.type() + "): " + describe(e);
                    LOG.errorf(e, "%s; it goes to the dead-letter topic", reason);
                    throw new EventHandlingException(reason, e);
                }
                LOG.warnf("%s: attempt %d/%d on event %s (%s) failed, retrying: %s",
                        consumer, failures, attempts, event.id(), event.type(), describe(e));
                pause(config.consumer().backoff().toMillis() * failures);
            }
        }
    }

    /**
     * The one rule between "retry until it works" and "dead letter": a failure is an outage when
     * a server is unreachable ({@link TransientFailure}: database, Kafka, SMTP), or when the
     * database does not answer right after it (a commit cut by a restart surfaces as a bare
     * rollback exception). Anything else is the event's own failure.
     */
    boolean isOutage(Throwable failure) {
        return TransientFailure.isTransient(failure) || !databaseAnswers();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The pauses of one outage: from outage-backoff, doubling, capped at outage-max-backoff. */
    private final class Outage {
        private long pauseMillis;
        private int attempts;
        private long since;

        void waitAfter(String consumer, String what, Throwable failure) {
            if (attempts == 0) {
                since = System.nanoTime();
                pauseMillis = Math.max(1, config.consumer().outageBackoff().toMillis());
            } else {
                pauseMillis = Math.min(pauseMillis * 2, Math.max(pauseMillis, config.consumer().outageMaxBackoff().toMillis()));
            }
            attempts++;
            LOG.warnf("%s: a server is unreachable while handling %s (attempt %d, retrying in %d ms; the event "
                    + "is not dead-lettered and its offset not committed): %s", consumer, what, attempts, pauseMillis,
                    describe(failure));
            pause(pauseMillis);
        }

        void over(String consumer) {
            if (attempts > 0) {
                LOG.infof("%s: reachable again after %d attempts (%d ms)", consumer, attempts,
                        (System.nanoTime() - since) / 1_000_000);
                attempts = 0;
            }
        }
    }

    private static IncomingEvent read(String consumer, ConsumerRecord<String, String> record) {
        try {
            return IncomingEvent.from(record);
        } catch (PoisonEventException e) {
            LOG.warnf("%s: unreadable record %s-%d@%d goes to the dead-letter topic: %s",
                    consumer, record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> consumerRecord(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, String>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a record received from Kafka: " + record));
    }

    /** Remembers the ids not processed yet, in the caller's transaction; returns those. */
    private Set<UUID> rememberAll(String consumer, List<IncomingEvent> events) throws SQLException {
        Map<UUID, String> types = new LinkedHashMap<>();
        events.forEach(e -> types.putIfAbsent(e.id(), e.type()));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(REMEMBER_ALL)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid", types.keySet().toArray()));
            insert.setArray(3, connection.createArrayOf("text", types.values().toArray()));
            Set<UUID> fresh = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    fresh.add(inserted.getObject(1, UUID.class));
                }
            }
            return fresh;
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
