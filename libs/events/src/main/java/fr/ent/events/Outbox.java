package fr.ent.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The transactional outbox: a service records its event in the same database transaction as the
 * state change; {@link OutboxRelay} sends it to Kafka once committed. If the transaction rolls
 * back, the event never existed; if Kafka is down, the transaction still commits and the event
 * waits in the table.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = new Object();

    static final String INSERT = """
            insert into ent_outbox (id, topic, record_key, type, source, subject, school_id, occurred_at, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EventsConfig config;

    @Inject
    OutboxRelayWorker relay;

    /**
     * Records the event in the caller's (active) transaction; returns the event id. key = Kafka
     * record key (the aggregate whose order matters, e.g. pupil id), subject = CloudEvents subject.
     *
     * @param payload  a record annotated with {@link EventContract}
     * @param key      Kafka record key; events with the same key reach consumers in the order recorded
     * @param subject  CloudEvents subject, e.g. the id of the absence (may be null)
     * @param schoolId CloudEvents extension {@code schoolid}: required, every event belongs to a school
     *                 (consumers filter and partition work by it). Something that spans schools (a
     *                 teacher in two schools) is published once per school.
     * @throws IllegalStateException    when no transaction is active
     * @throws IllegalArgumentException when the payload carries no {@link EventContract}, or no school id is given
     */
    public UUID publish(Object payload, String key, String subject, UUID schoolId) {
        return publishAll(List.of(new Pending(payload, key, subject, schoolId))).get(0);
    }

    /** One event to record: see {@link #publish} for each part. */
    public record Pending(Object payload, String key, String subject, UUID schoolId) {
    }

    /**
     * Records several events (a whole roll call's) in the caller's transaction, in one statement per
     * 1,000 events; returns their ids in order. Same rules as {@link #publish}.
     */
    public List<UUID> publishAll(List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<EventContract> contracts = new ArrayList<>(events.size());
        for (Pending e : events) {
            Objects.requireNonNull(e.payload(), "payload");
            Objects.requireNonNull(e.key(), "key");
            EventContract contract = EventContracts.of(e.payload().getClass());
            if (e.schoolId() == null) {
                throw new IllegalArgumentException("Outbox.publish(" + contract.type() + ") needs a school id: every event "
                        + "carries the CloudEvents extension schoolid. Pass the school the change belongs to; for something "
                        + "in several schools (a person, a guardianship), publish the event once per school");
            }
            contracts.add(contract);
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.publish(" + contracts.get(0).type() + ") needs an active transaction: "
                    + "call it from a @Transactional method, in the transaction of the state change");
        }
        // Microseconds: what PostgreSQL keeps, so ce_time is the same wherever it is read. The real
        // time, not the platform clock: it is when the row was written, and the relay's latency and
        // lag are measured from it; what happened when, in school time, is in the payload.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<UUID> ids = new ArrayList<>(events.size());
        // Inside a JTA transaction Agroal returns the transaction's own connection: these inserts
        // commit or roll back with the caller's changes (Hibernate's included).
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < events.size(); from += BATCH) {
                int to = Math.min(events.size(), from + BATCH);
                try (PreparedStatement insert = connection.prepareStatement(insertOf(to - from))) {
                    int p = 1;
                    for (int i = from; i < to; i++) {
                        Pending e = events.get(i);
                        EventContract contract = contracts.get(i);
                        UUID id = UUID.randomUUID();
                        ids.add(id);
                        insert.setObject(p++, id);
                        insert.setString(p++, contract.topic());
                        insert.setString(p++, e.key());
                        insert.setString(p++, contract.type());
                        insert.setString(p++, source());
                        insert.setString(p++, e.subject());
                        insert.setObject(p++, e.schoolId());
                        insert.setTimestamp(p++, Timestamp.from(now));
                        insert.setString(p++, EventJson.write(e.payload()));
                    }
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + events.size() + " event(s) of type " + contracts.get(0).type()
                    + " in the outbox", e);
        }
        wakeRelayAfterCommit();
        return ids;
    }

    /** Rows in one insert: far below PostgreSQL's 65,535 parameters (9 a row). */
    private static final int BATCH = 1000;

    private static String insertOf(int rows) {
        StringBuilder sql = new StringBuilder(INSERT);
        for (int i = 1; i < rows; i++) {
            sql.append(", (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))");
        }
        return sql.toString();
    }

    /** The CloudEvents source of this service. */
    public String source() {
        return config.source().orElseGet(() -> "/" + ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class).orElse("unknown-service"));
    }

    /** Low latency: the relay starts as soon as the transaction commits instead of at its next tick. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_UP_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
