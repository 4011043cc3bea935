package fr.ent.events;

import fr.ent.events.testapp.ThingHappened;
import fr.ent.events.testapp.Things;
import fr.ent.testservers.KafkaBroker;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.smallrye.health.api.HealthGroup;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class KafkaOutageTest {

    private static final Logger LOG = Logger.getLogger(KafkaOutageTest.class);

    @Inject
    Things things;

    @Inject
    Db db;

    @Inject
    @HealthGroup("dependencies")
    KafkaHealth kafkaHealth;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void state_changes_succeed_while_kafka_is_down_and_their_events_go_out_once_and_in_order_when_it_is_back()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of(run + "-x", run + "-y", run + "-z");
        int perKey = 15;
        Set<UUID> ids = new HashSet<>();
        // The topic exists before the outage, as in production.
        things.record(run + "-warm-up", 1);
        try (TopicReader warmUp = new TopicReader(ThingHappened.TOPIC)) {
            warmUp.awaitAtLeast(1, r -> (run + "-warm-up").equals(r.key()), Duration.ofSeconds(30));
        }
        assertThat(kafkaHealth.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        KafkaBroker broker = KafkaBroker.shared();
        broker.stop();
        try {
            long started = System.nanoTime();
            for (int n = 1; n <= perKey; n++) {
                for (String key : keys) {
                    ids.add(things.record(key, n));
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("%d state changes with their events committed in %d ms while Kafka was down", ids.size(), millis);
            assertThat(db.count("select count(*) from test_thing where thing_key like ?", run + "-%"))
                    .as("every state change committed").isEqualTo(keys.size() * perKey + 1);
            assertThat(db.count("select count(*) from ent_outbox where record_key like ? and published_at is null",
                    run + "-%")).as("their events wait in the outbox").isEqualTo(keys.size() * perKey);
            assertThat(kafkaHealth.call().getStatus()).as("kafka's health while Kafka is down")
                    .isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(kafkaHealth.call().getData().orElseThrow()).containsKey("error");
            HttpResponse<String> readiness = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as("readiness while Kafka is down: %s", readiness.body())
                    .isEqualTo(200);
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> kafkaHealth.call().getStatus() == HealthCheckResponse.Status.UP);
        try (TopicReader topic = new TopicReader(ThingHappened.TOPIC)) {
            long back = System.nanoTime();
            topic.awaitAtLeast(ids.size(), r -> keys.contains(r.key()), Duration.ofSeconds(60));
            LOG.infof("all %d events on Kafka %d ms after the broker was back", ids.size(),
                    (System.nanoTime() - back) / 1_000_000);
            List<ConsumerRecord<String, String>> records = topic.awaitNoMore(ids.size(), r -> keys.contains(r.key()));
            assertThat(records).extracting(r -> UUID.fromString(TopicReader.header(r, "ce_id")))
                    .as("every event exactly once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(ids);
            OutboxTest.assertInOrderPerKey(records, keys, perKey);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> db.count(
                "select count(*) from ent_outbox where record_key like ? and published_at is null", run + "-%") == 0);
    }
}
