package fr.ent.events;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch form of the idempotent consumer: the test application reads ent.test-batch-in a poll at
 * a time (channel "test-batch-events", batch=true, DLQ ent.dlq.events-test) and adds amounts to counters.
 * Records are sent in bursts (one producer batch) so that they arrive in the same poll.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class EventConsumerBatchTest {

    private static final String TOPIC = "ent.test-batch-in";
    private static final String DLQ = "ent.dlq.events-test";
    private static final String TYPE = fr.ent.events.testapp.CounterIncremented.TYPE_FOR_TEST;

    @Inject
    Db db;

    private KafkaProducer<String, String> producer;
    private String counter;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "100"));
        counter = "counter-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(2));
    }

    @Test
    void a_burst_is_handled_in_a_few_transactions_in_order_and_each_event_once_even_when_redelivered() {
        List<UUID> ids = IntStream.rangeClosed(1, 40).mapToObj(i -> UUID.randomUUID()).toList();
        for (int i = 0; i < ids.size(); i++) {
            send(ids.get(i), json(i + 1, false));
            if (i == 19) {
                send(ids.get(9), json(10, false)); // event 10 again, in the same burst
            }
        }
        producer.flush();
        awaitApplied(ids.get(39));

        assertThat(amountsInOrder()).as("each once, in the order sent").isEqualTo(IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(counterValue()).isEqualTo(820);
        assertThat(db.count("select count(distinct tx) from test_applied where counter = ?", counter))
                .as("several events per transaction").isLessThan(40);
        assertThat(db.count("select count(*) from ent_processed_event where consumer = ? and event_id = any(?::uuid[])",
                "events-test.batch-counters", array(ids))).isEqualTo(40);

        // The whole burst redelivered (a restart before the offsets were committed): nothing changes.
        ids.forEach(id -> send(id, json(1000, false)));
        UUID marker = UUID.randomUUID();
        send(marker, json(1, false));
        producer.flush();
        awaitApplied(marker);
        assertThat(counterValue()).isEqualTo(821);
    }

    @Test
    void in_a_batch_the_unreadable_and_the_refused_go_to_the_dead_letter_topic_with_their_reason_and_the_others_are_handled()
            throws Exception {
        UUID first = UUID.randomUUID();
        UUID notJson = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        String noIdMarker = "no-id-" + UUID.randomUUID();
        Instant sent = Instant.now();
        send(first, json(1, false));
        send(notJson, "{not json");
        send(second, json(2, false));
        send(refused, json(100, true));
        sendWithoutId(noIdMarker, json(200, false));
        send(third, json(4, false));
        send(first, json(1, false)); // redelivered in the same poll
        producer.flush();

        awaitApplied(third);
        assertThat(amountsInOrder()).containsExactly(1, 2, 4);
        assertThat(counterValue()).as("the refused event's writes were rolled back").isEqualTo(7);
        assertThat(db.count("select count(*) from ent_processed_event where event_id = ?", refused))
                .as("a refused event is not remembered as processed").isZero();

        try (TopicReader dlq = new TopicReader(DLQ)) {
            List<ConsumerRecord<String, String>> dead = dlq.awaitAtLeast(3, r -> counter.equals(r.key()), Duration.ofSeconds(30));
            assertThat(dead).hasSize(3);
            assertThat(reasonOf(dead, "ce_id", notJson.toString())).contains("not valid JSON");
            assertThat(reasonOf(dead, "ce_id", refused.toString())).contains("failed 3 times").contains("refuses this event");
            assertThat(reasonOf(dead, "marker", noIdMarker)).contains("missing header ce_id");
            assertThat(dead).allSatisfy(r -> assertThat(TopicReader.header(r, "dead-letter-topic")).isEqualTo(TOPIC));
        }
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(30));
    }

    private static String reasonOf(List<ConsumerRecord<String, String>> dead, String header, String value) {
        return dead.stream().filter(r -> value.equals(TopicReader.header(r, header))).findFirst()
                .map(r -> TopicReader.header(r, "dead-letter-reason")).orElseThrow();
    }

    private void send(UUID id, String value) {
        RecordHeaders headers = headers(TYPE);
        headers.add("ce_id", id.toString().getBytes(StandardCharsets.UTF_8));
        // One key: one partition, so the order sent is the order consumed.
        producer.send(new ProducerRecord<>(TOPIC, null, counter, value, headers));
    }

    private void sendWithoutId(String marker, String value) {
        RecordHeaders headers = headers(TYPE);
        headers.add("marker", marker.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(TOPIC, null, counter, value, headers));
    }

    private static RecordHeaders headers(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/test-producer".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private String json(int amount, boolean fail) {
        return EventJson.write(new fr.ent.events.testapp.CounterIncremented(counter, amount, fail));
    }

    private void awaitApplied(UUID id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("select count(*) from test_applied where event_id = ?", id) == 1);
    }

    private List<Integer> amountsInOrder() {
        List<Integer> amounts = new ArrayList<>();
        int n = (int) db.count("select count(*) from test_applied where counter = ?", counter);
        for (int i = 0; i < n; i++) {
            amounts.add((int) db.count("select amount from test_applied where counter = ? order by seq offset ? limit 1", counter, i));
        }
        return amounts;
    }

    private long counterValue() {
        return db.count("select coalesce(sum(value), 0) from test_counter where name = ?", counter);
    }

    private static String array(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }
}
