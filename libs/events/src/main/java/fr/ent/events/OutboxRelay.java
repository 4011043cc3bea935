package fr.ent.events;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves committed outbox rows to Kafka. One round: in one database transaction, take the
 * relay's advisory lock (so that of all the instances of a service only one relays at a time),
 * read the oldest unpublished rows in {@code seq} order, send them with an idempotent producer,
 * wait for Kafka's acknowledgements, mark the acknowledged rows published, commit.
 *
 * <p>Guarantees: at-least-once (a row is marked only after Kafka acknowledged it; a crash between
 * the two sends it again, and consumers deduplicate on the event id); order per key (rows are
 * sent in seq order by a single relay, an idempotent producer keeps the order of a partition, and
 * after a failed send no later row of the same key is marked). Not thread-safe: one round at a time
 * per instance (the worker ensures it); several instances may run concurrently.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Transaction-level advisory lock key of the relay ("ENT-OBX1"); one database per service. */
    static final long LOCK_KEY = 0x454E_542D_4F42_5831L;

    private static final String SELECT = """
            select seq, id, topic, record_key, type, source, subject, school_id, occurred_at, payload::text
            from ent_outbox where published_at is null order by seq limit ?""";

    private final DataSource dataSource;
    private final Map<String, Object> producerConfig;
    private final int batchSize;
    private Producer<String, String> producer;

    /**
     * @param dataSource the service's datasource (used outside JTA: the relay runs its own transactions)
     * @param kafka      connection settings (bootstrap.servers, security)
     * @param clientId   Kafka client id of the producer
     */
    public OutboxRelay(DataSource dataSource, Map<String, Object> kafka, String clientId, int batchSize,
                       Duration deliveryTimeout, Duration maxBlock) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // A dead broker must fail a round in seconds, not the default two minutes.
        int delivery = (int) deliveryTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, delivery / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        this.producerConfig = Map.copyOf(config);
    }

    /** What one round did. */
    public record Round(boolean locked, int read, int published, Exception failure) {

        static Round busy() {
            return new Round(false, 0, 0, null);
        }

        /** Whether the batch was full and sent: there may be more rows waiting. */
        public boolean mayHaveMore(int batchSize) {
            return locked && failure == null && read >= batchSize;
        }
    }

    /**
     * Relays at most one batch. Returns without sending if another instance holds the lock.
     *
     * @throws SQLException when the database fails (nothing is marked then)
     */
    public Round relayOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Round round = relayOnce(connection);
                connection.commit();
                return round;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    private Round relayOnce(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            return Round.busy();
        }
        List<Row> rows = read(connection);
        if (rows.isEmpty()) {
            return new Round(true, 0, 0, null);
        }
        Sent sent = send(rows);
        mark(connection, sent.acknowledged());
        if (sent.failure() != null) {
            recordFailure(connection, sent.firstFailed(), sent.failure());
        }
        return new Round(true, rows.size(), sent.acknowledged().size(), sent.failure());
    }

    /** Deletes published rows older than the retention; run by the worker now and then. */
    public int purge(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from ent_outbox where published_at < now() - cast(? as interval)")) {
            connection.setAutoCommit(true);
            delete.setString(1, retention.toSeconds() + " seconds");
            return delete.executeUpdate();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<Row> read(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getObject(2, UUID.class), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getObject(8, UUID.class), result.getObject(9, OffsetDateTime.class),
                            result.getString(10)));
                }
            }
        }
        return rows;
    }

    private Sent send(List<Row> rows) {
        Producer<String, String> kafka = producer();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (failure.get() != null) {
                // Stop at the first failure: a dead broker would make each further send wait max.block.ms.
                break;
            }
            try {
                futures.add(kafka.send(row.toRecord(), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                }));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                break;
            }
        }
        try {
            kafka.flush();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        // Mark a row only if it and every earlier row of its key were acknowledged.
        List<Long> acknowledged = new ArrayList<>();
        Set<String> blockedKeys = new HashSet<>();
        Row firstFailed = null;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            boolean ok = i < futures.size() && succeeded(futures.get(i), failure);
            if (ok && !blockedKeys.contains(row.key())) {
                acknowledged.add(row.seq());
            } else {
                blockedKeys.add(row.key());
                if (firstFailed == null) {
                    firstFailed = row;
                }
            }
        }
        if (failure.get() != null) {
            // A fresh producer (new producer id) for the next round, after whatever this one left behind.
            closeProducer();
        }
        return new Sent(acknowledged, firstFailed, failure.get());
    }

    private static boolean succeeded(Future<RecordMetadata> future, AtomicReference<Exception> failure) {
        if (!future.isDone()) {
            return false;
        }
        try {
            future.get();
            return true;
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause() instanceof Exception cause ? cause : e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void mark(Connection connection, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update ent_outbox set published_at = now() where seq = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", seqs.toArray()));
            update.executeUpdate();
        }
    }

    private static void recordFailure(Connection connection, Row row, Exception failure) throws SQLException {
        if (row == null) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update ent_outbox set attempts = attempts + 1, last_error = ? where seq = ?")) {
            String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            update.setString(1, message.length() > 1000 ? message.substring(0, 1000) : message);
            update.setLong(2, row.seq());
            update.executeUpdate();
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing the outbox producer");
            }
            producer = null;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debugf(e, "rollback of a relay round");
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing the outbox producer");
            }
            producer = null;
        }
    }

    private record Sent(List<Long> acknowledged, Row firstFailed, Exception failure) {
    }

    private record Row(long seq, UUID id, String topic, String key, String type, String source, String subject,
                       UUID schoolId, OffsetDateTime occurredAt, String payload) {

        ProducerRecord<String, String> toRecord() {
            RecordHeaders headers = new RecordHeaders();
            add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            add(headers, CloudEventHeaders.ID, id.toString());
            add(headers, CloudEventHeaders.SOURCE, source);
            add(headers, CloudEventHeaders.TYPE, type);
            // RFC 3339 in UTC, seconds always present.
            add(headers, CloudEventHeaders.TIME, occurredAt.toInstant().toString());
            add(headers, CloudEventHeaders.SUBJECT, subject);
            add(headers, CloudEventHeaders.SCHOOL_ID, schoolId == null ? null : schoolId.toString());
            add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            return new ProducerRecord<>(topic, null, key, payload, headers);
        }

        private static void add(RecordHeaders headers, String name, String value) {
            if (value != null) {
                headers.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
