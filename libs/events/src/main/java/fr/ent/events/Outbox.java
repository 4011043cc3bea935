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
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(key, "key");
        EventContract contract = EventContracts.of(payload.getClass());
        if (schoolId == null) {
            throw new IllegalArgumentException("Outbox.publish(" + contract.type() + ") needs a school id: every event "
                    + "carries the CloudEvents extension schoolid. Pass the school the change belongs to; for something "
                    + "in several schools (a person, a guardianship), publish the event once per school");
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Outbox.publish(" + contract.type() + ") needs an active transaction: "
                    + "call it from a @Transactional method, in the transaction of the state change");
        }
        UUID id = UUID.randomUUID();
        String json = EventJson.write(payload);
        // Microseconds: what PostgreSQL keeps, so ce_time is the same wherever it is read.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // Inside a JTA transaction Agroal returns the transaction's own connection: this insert
        // commits or rolls back with the caller's changes (Hibernate's included).
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, contract.topic());
            insert.setString(3, key);
            insert.setString(4, contract.type());
            insert.setString(5, source());
            insert.setString(6, subject);
            insert.setObject(7, schoolId);
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setString(9, json);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + contract.type() + " in the outbox", e);
        }
        wakeRelayAfterCommit();
        return id;
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
