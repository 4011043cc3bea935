package fr.ent.events;

import fr.ent.events.testapp.CounterIncremented;
import fr.ent.testservers.KafkaBroker;
import fr.ent.testservers.Postgres;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * PostgreSQL stops while events flow and requests come in, then comes back on the same port: a
 * database outage is not a poison event (nothing dead-lettered, nothing lost, nothing applied
 * twice) and not a bug (503 + Retry-After, not 500).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class DatabaseOutageTest {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);
    private static final String DLQ = "ent.dlq.events-test";
    private static final String BATCH_TOPIC = "ent.test-batch-in";

    @Inject
    Db db;

    @Test
    void events_wait_for_the_database_and_requests_answer_503_until_it_is_back() throws Exception {
        createIfMissing(DLQ);
        String counter = "outage-" + UUID.randomUUID();
        String batchCounter = "outage-batch-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        List<UUID> batchIds = new ArrayList<>();
        Postgres postgres = Postgres.shared();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int n = 0; n < 10; n++) {
                ids.add(send(producer, CounterIncremented.TOPIC, counter));
                batchIds.add(send(producer, BATCH_TOPIC, batchCounter));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> applied(counter) == ids.size() && applied(batchCounter) == batchIds.size());

            postgres.stop();
            Instant stopped = Instant.now();
            try {
                // Events keep arriving while the database is down: one at a time and in polls.
                for (int n = 0; n < 20; n++) {
                    ids.add(send(producer, CounterIncremented.TOPIC, counter));
                    batchIds.add(send(producer, BATCH_TOPIC, batchCounter));
                    Thread.sleep(100);
                }
                Response answer = given().queryParam("key", "outage-http").post("/test/things");
                answer.then()
                        .statusCode(503)
                        .header("Retry-After", "5")
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://ent.example/problems/service-unavailable"))
                        .body("status", equalTo(503))
                        .body("instance", equalTo("/test/things"));
                // Long enough for several retries of the consumers (0.5 s, 1 s, 2 s, ...).
                long downFor = 8_000 - Duration.between(stopped, Instant.now()).toMillis();
                if (downFor > 0) {
                    Thread.sleep(downFor);
                }
            } finally {
                postgres.start();
            }
            LOG.infof("PostgreSQL was down for %d ms", Duration.between(stopped, Instant.now()).toMillis());
            for (int n = 0; n < 5; n++) {
                ids.add(send(producer, CounterIncremented.TOPIC, counter));
                batchIds.add(send(producer, BATCH_TOPIC, batchCounter));
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("key", "outage-http").post("/test/things").then().statusCode(200));
        // ignoreExceptions: the test's own pool may hand out a connection cut by the restart once.
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> applied(counter) == ids.size() && applied(batchCounter) == batchIds.size());

        assertThat(db.count("select count(*) from test_applied where counter = ?", counter))
                .as("each event applied once (0 lost, 0 duplicated)").isEqualTo(ids.size());
        assertThat(db.count("select count(*) from test_applied where counter = ?", batchCounter))
                .as("each batched event applied once").isEqualTo(batchIds.size());
        assertThat(db.count("select coalesce(sum(value), 0) from test_counter where name = ?", counter)).isEqualTo(ids.size());
        assertThat(db.count("select coalesce(sum(value), 0) from test_counter where name = ?", batchCounter))
                .isEqualTo(batchIds.size());
        Set<String> ours = new HashSet<>();
        ids.forEach(id -> ours.add(id.toString()));
        batchIds.forEach(id -> ours.add(id.toString()));
        try (TopicReader dlq = new TopicReader(DLQ)) {
            assertThat(dlq.awaitNoMore(0, r -> ours.contains(TopicReader.header(r, "ce_id"))))
                    .as("dead letters among the events that flowed during the outage").isEmpty();
        }
    }

    private long applied(String counter) {
        return db.count("select count(distinct event_id) from test_applied where counter = ?", counter);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    private static UUID send(KafkaProducer<String, String> producer, String topic, String counter) throws Exception {
        UUID id = UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", id.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/test-producer".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", CounterIncremented.TYPE_FOR_TEST.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        String value = EventJson.write(new CounterIncremented(counter, 1, false));
        producer.send(new ProducerRecord<>(topic, null, counter, value, headers)).get();
        return id;
    }

    private static void createIfMissing(String topic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, e);
            }
        }
    }
}
