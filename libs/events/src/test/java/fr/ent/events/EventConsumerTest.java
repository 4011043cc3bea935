package fr.ent.events;

import fr.ent.events.testapp.CounterIncremented;
import fr.ent.testservers.KafkaBroker;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The idempotent consumer of the test application reads ent.test-in (channel "test-events",
 * failure-strategy=dead-letter-queue, DLQ ent.dlq.events-test) and adds amounts to counters.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class EventConsumerTest {

    private static final String DLQ = "ent.dlq.events-test";

    @Inject
    Db db;

    private KafkaProducer<String, String> producer;
    private String counter;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        counter = "counter-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(2));
    }

    @Test
    void the_same_event_delivered_twice_changes_state_once() throws Exception {
        UUID id = UUID.randomUUID();
        send(id, CounterIncremented.TYPE_FOR_TEST, json(5, false));
        send(id, CounterIncremented.TYPE_FOR_TEST, json(5, false));
        UUID next = UUID.randomUUID();
        send(next, CounterIncremented.TYPE_FOR_TEST, json(1, false));

        awaitApplied(next);
        assertThat(counterValue()).as("5 once, then 1").isEqualTo(6);
        assertThat(db.count("select count(*) from test_applied where event_id = ?", id)).isEqualTo(1);
        assertThat(db.count("select count(*) from ent_processed_event where consumer = ? and event_id = ?",
                "events-test.counters", id)).isEqualTo(1);
    }

    @Test
    void a_record_that_is_not_json_goes_to_the_dead_letter_topic_with_the_reason_and_the_next_is_processed()
            throws Exception {
        UUID poison = UUID.randomUUID();
        send(poison, CounterIncremented.TYPE_FOR_TEST, "{not json");
        UUID next = UUID.randomUUID();
        send(next, CounterIncremented.TYPE_FOR_TEST, json(2, false));

        ConsumerRecord<String, String> dead = awaitDeadLetter(poison);
        assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("not valid JSON");
        assertThat(TopicReader.header(dead, "dead-letter-topic")).isEqualTo(CounterIncremented.TOPIC);
        assertThat(dead.value()).isEqualTo("{not json");
        awaitApplied(next);
        assertThat(counterValue()).isEqualTo(2);
    }

    @Test
    void a_record_without_an_event_id_goes_to_the_dead_letter_topic_and_the_next_is_processed() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", CounterIncremented.TYPE_FOR_TEST.getBytes(StandardCharsets.UTF_8));
        String marker = "no-id-" + UUID.randomUUID();
        headers.add("marker", marker.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(CounterIncremented.TOPIC, null, counter, json(3, false), headers)).get();
        UUID next = UUID.randomUUID();
        send(next, CounterIncremented.TYPE_FOR_TEST, json(4, false));

        try (TopicReader dlq = new TopicReader(DLQ)) {
            ConsumerRecord<String, String> dead = dlq.awaitAtLeast(1,
                    r -> marker.equals(TopicReader.header(r, "marker")), Duration.ofSeconds(30)).get(0);
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("missing header ce_id");
        }
        awaitApplied(next);
        assertThat(counterValue()).as("the record without id changed nothing").isEqualTo(4);
    }

    @Test
    void an_event_its_handler_keeps_refusing_is_retried_then_dead_lettered_and_the_next_is_processed()
            throws Exception {
        UUID refused = UUID.randomUUID();
        Instant sent = Instant.now();
        send(refused, CounterIncremented.TYPE_FOR_TEST, json(10, true));
        UUID next = UUID.randomUUID();
        send(next, CounterIncremented.TYPE_FOR_TEST, json(1, false));

        ConsumerRecord<String, String> dead = awaitDeadLetter(refused);
        assertThat(TopicReader.header(dead, "dead-letter-reason"))
                .contains("failed 3 times").contains(refused.toString()).contains("refuses this event");
        awaitApplied(next);
        assertThat(counterValue()).as("the refused event's writes were rolled back each time").isEqualTo(1);
        assertThat(db.count("select count(*) from test_applied where event_id = ?", refused)).isZero();
        assertThat(db.count("select count(*) from ent_processed_event where event_id = ?", refused))
                .as("a refused event is not remembered as processed").isZero();
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    private void send(UUID id, String type, String value) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", id.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/test-producer".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        // Same key: same partition, so "the next record" really comes after the previous one.
        producer.send(new ProducerRecord<>(CounterIncremented.TOPIC, null, counter, value, headers)).get();
    }

    private String json(int amount, boolean fail) {
        return EventJson.write(new CounterIncremented(counter, amount, fail));
    }

    private void awaitApplied(UUID id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("select count(*) from test_applied where event_id = ?", id) == 1);
    }

    private ConsumerRecord<String, String> awaitDeadLetter(UUID id) {
        try (TopicReader dlq = new TopicReader(DLQ)) {
            List<ConsumerRecord<String, String>> dead = dlq.awaitAtLeast(1,
                    r -> id.toString().equals(TopicReader.header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            return dead.get(0);
        }
    }

    private long counterValue() {
        return db.count("select coalesce(sum(value), 0) from test_counter where name = ?", counter);
    }
}
