package fr.ent.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.events.testapp.NotAContract;
import fr.ent.events.testapp.Pupils;
import fr.ent.events.testapp.ThingHappened;
import fr.ent.events.testapp.Things;
import fr.ent.testservers.PostgresAndKafka;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class OutboxTest {

    private static final Logger LOG = Logger.getLogger(OutboxTest.class);

    @Inject
    Things things;

    @Inject
    Pupils pupils;

    @Inject
    Outbox outbox;

    @Inject
    Db db;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry registry;

    @Test
    void a_recorded_event_reaches_kafka_as_a_cloudevent_in_binary_mode() throws Exception {
        String key = "pupil-" + UUID.randomUUID();
        UUID school = UUID.randomUUID();
        Instant before = Instant.now();
        UUID id = things.record(key, 1, school);

        try (TopicReader topic = new TopicReader(ThingHappened.TOPIC)) {
            ConsumerRecord<String, String> record = topic
                    .awaitAtLeast(1, r -> key.equals(r.key()), Duration.ofSeconds(30)).get(0);
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_id")).isEqualTo(id.toString());
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/events-test");
            assertThat(TopicReader.header(record, "ce_type")).isEqualTo("fr.ent.test.thing-happened.v1");
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo("thing/" + key);
            assertThat(TopicReader.header(record, "ce_schoolid")).isEqualTo(school.toString());
            assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
            OffsetDateTime time = OffsetDateTime.parse(TopicReader.header(record, "ce_time"));
            assertThat(time.toInstant()).isBetween(before.minusSeconds(1), Instant.now());
            JsonNode value = EventJson.MAPPER.readTree(record.value());
            assertThat(value.path("key").asText()).isEqualTo(key);
            assertThat(value.path("n").asInt()).isEqualTo(1);

            // The consumer side reads back what the producer side wrote.
            IncomingEvent event = IncomingEvent.from(record);
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.schoolId()).isEqualTo(school);
            assertThat(event.is(ThingHappened.class)).isTrue();
            assertThat(event.data(ThingHappened.class)).isEqualTo(new ThingHappened(key, 1));
        }
        assertThat(db.count("select count(*) from ent_outbox where id = ? and published_at is not null", id))
                .as("the row is marked published once Kafka acknowledged it").isEqualTo(1);
    }

    @Test
    void an_event_of_a_transaction_that_rolls_back_is_never_sent() {
        String key = "rolled-back-" + UUID.randomUUID();
        assertThatThrownBy(() -> things.recordThenFail(key, 1)).isInstanceOf(IllegalStateException.class);

        assertThat(db.count("select count(*) from ent_outbox where record_key = ?", key)).isZero();
        assertThat(db.count("select count(*) from test_thing where thing_key = ?", key)).isZero();
    }

    @Test
    void the_outbox_shares_the_transaction_of_hibernate() {
        UUID kept = UUID.randomUUID();
        assertThat(pupils.enrol(kept, "Léa", false)).as("one database session for Hibernate and the outbox").isTrue();
        assertThat(db.count("select count(*) from test_pupil where id = ?", kept)).isEqualTo(1);
        assertThat(db.count("select count(*) from ent_outbox where record_key = ?", kept.toString())).isEqualTo(1);

        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> pupils.enrol(rolledBack, "Noé", true)).isInstanceOf(IllegalStateException.class);
        assertThat(db.count("select count(*) from test_pupil where id = ?", rolledBack)).isZero();
        assertThat(db.count("select count(*) from ent_outbox where record_key = ?", rolledBack.toString())).isZero();
    }

    @Test
    void a_batch_of_events_is_one_insert_and_keeps_its_order_on_kafka() {
        String key = "roll-call-" + UUID.randomUUID();
        List<Outbox.Pending> batch = new ArrayList<>();
        for (int n = 1; n <= 1205; n++) {
            batch.add(new Outbox.Pending(new ThingHappened(key, n), key, "thing/" + key, Things.SCHOOL));
        }
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(batch));
        assertThat(ids).hasSize(1205).doesNotHaveDuplicates();
        assertThat(db.count("select count(*) from ent_outbox where record_key = ?", key)).isEqualTo(1205);
        try (TopicReader topic = new TopicReader(ThingHappened.TOPIC)) {
            List<ConsumerRecord<String, String>> records = topic.awaitAtLeast(1205, r -> key.equals(r.key()), Duration.ofSeconds(60));
            assertThat(records.stream().map(r -> TopicReader.header(r, "ce_id")).toList())
                    .as("recorded order is sent order").isEqualTo(ids.stream().map(UUID::toString).toList());
        }
        // all or nothing: one event without a school refuses the whole batch
        String refused = "refused-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(List.of(
                new Outbox.Pending(new ThingHappened(refused, 1), refused, null, Things.SCHOOL),
                new Outbox.Pending(new ThingHappened(refused, 2), refused, null, null)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a school id");
        assertThat(db.count("select count(*) from ent_outbox where record_key = ?", refused)).isZero();
    }

    @Test
    void publishing_outside_a_transaction_fails_loudly() {
        assertThatThrownBy(() -> outbox.publish(new ThingHappened("k", 1), "k", null, Things.SCHOOL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("active transaction");
    }

    @Test
    void an_event_without_a_school_is_refused_with_how_to_fix_it() {
        String key = "no-school-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(new ThingHappened(key, 1), key, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fr.ent.test.thing-happened")
                .hasMessageContaining("needs a school id")
                .hasMessageContaining("once per school");
        assertThat(db.count("select count(*) from ent_outbox where record_key = ?", key)).isZero();
    }

    @Test
    void a_payload_without_an_event_contract_is_refused() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> outbox.publish(new NotAContract("x"), "k", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@EventContract");
    }

    @Test
    void events_go_out_fast_after_the_commit() {
        String key = "latency-" + UUID.randomUUID();
        int count = 40;
        List<Long> latencies = new ArrayList<>();
        try (TopicReader topic = new TopicReader(ThingHappened.TOPIC)) {
            for (int n = 1; n <= count; n++) {
                things.record(key, n);
                topic.poll();
            }
            // Recorded (ce_time, just before the commit) to appended on the broker (record timestamp).
            for (ConsumerRecord<String, String> record : topic.awaitAtLeast(count, r -> key.equals(r.key()),
                    Duration.ofSeconds(30))) {
                Instant recorded = OffsetDateTime.parse(TopicReader.header(record, "ce_time")).toInstant();
                latencies.add(record.timestamp() - recorded.toEpochMilli());
            }
        }
        latencies.sort(null);
        long p50 = latencies.get(count / 2);
        long p99 = latencies.get(count * 99 / 100);
        LOG.infof("outbox latency (recorded -> on Kafka) over %d events: p50 %d ms, p99 %d ms, max %d ms",
                count, p50, p99, latencies.get(count - 1));
        // The budget end to end is p99 <= 250 ms; on a loaded 2-core CI box only a loose bound is stable.
        assertThat(p50).as("median of the outbox's share of the 250 ms budget").isLessThan(250);
        assertThat(latencies.get(count - 1)).isLessThan(2000);
    }

    @Test
    void two_relay_instances_never_publish_an_event_twice_nor_reorder_a_key() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c", run + "-d", run + "-e");
        int perKey = 60;
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, AtomicInteger> publishedBy = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> relays = new ArrayList<>();
        // Two more instances of the service's relay, each with its own producer, beside the application's own.
        for (String instance : List.of("second", "third")) {
            AtomicInteger published = new AtomicInteger();
            publishedBy.put(instance, published);
            relays.add(pool.submit(() -> {
                try (OutboxRelay relay = new OutboxRelay(dataSource, kafka.connection(), "test-relay-" + instance,
                        7, Duration.ofSeconds(5), Duration.ofSeconds(3))) {
                    while (!stop.get()) {
                        published.addAndGet(relay.relayOnce().published());
                    }
                }
                return null;
            }));
        }
        try (TopicReader topic = new TopicReader(ThingHappened.TOPIC)) {
            Set<UUID> ids = new HashSet<>();
            for (int n = 1; n <= perKey; n++) {
                for (String key : keys) {
                    ids.add(things.record(key, n));
                }
            }
            int total = keys.size() * perKey;
            topic.awaitAtLeast(total, r -> keys.contains(r.key()), Duration.ofSeconds(60));
            stop.set(true);
            for (Future<?> relay : relays) {
                relay.get();
            }
            List<ConsumerRecord<String, String>> records = topic.awaitNoMore(total, r -> keys.contains(r.key()));

            assertThat(records).extracting(r -> UUID.fromString(TopicReader.header(r, "ce_id")))
                    .as("every event exactly once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertInOrderPerKey(records, keys, perKey);
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        LOG.infof("two extra relay instances published %s events (the application's relay the rest)", publishedBy);
        assertThat(publishedBy.values().stream().mapToInt(AtomicInteger::get).sum())
                .as("the extra instances took part").isPositive();
    }

    @Test
    void the_backlog_is_measured() {
        assertThat(registry.find("ent.outbox.pending").gauge()).isNotNull();
        assertThat(registry.find("ent.outbox.oldest.age").gauge()).isNotNull();
    }

    /** For each key, the payloads' n arrive as 1, 2, ..., perKey. */
    static void assertInOrderPerKey(List<ConsumerRecord<String, String>> records, List<String> keys, int perKey)
            throws Exception {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(EventJson.MAPPER.readTree(record.value()).path("n").asInt());
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 1; n <= perKey; n++) {
            expected.add(n);
        }
        for (String key : keys) {
            assertThat(byKey.get(key)).as("order of key %s", key).containsExactlyElementsOf(expected);
        }
    }
}
