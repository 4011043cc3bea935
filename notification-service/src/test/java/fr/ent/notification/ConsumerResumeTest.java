package fr.ent.notification;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a crash, the restarted instance resumes consuming at once: its channels are static members
 * of the group (group.instance.id from the pod's name), so the broker hands the dead member's
 * partitions to the member coming back under the same id, without waiting for the dead one's
 * session to end. Checked on the real broker with the consumer settings of the attendance channel,
 * in a group and topic of its own so the application's consumers are not disturbed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class ConsumerResumeTest {

    private static final String CHANNEL = "mp.messaging.incoming.attendance-events.";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = CHANNEL + "group.instance.id")
    String instanceId;
    @ConfigProperty(name = CHANNEL + "session.timeout.ms")
    int sessionTimeoutMs;
    @ConfigProperty(name = CHANNEL + "heartbeat.interval.ms")
    int heartbeatMs;
    @ConfigProperty(name = "mp.messaging.incoming.contact-events.group.instance.id")
    String contactsInstanceId;
    @ConfigProperty(name = "mp.messaging.incoming.identity-events.group.instance.id")
    String identityInstanceId;

    @Test
    void each_channel_is_a_static_member_of_its_own_name_with_a_short_session() {
        // Two members of one group under the same id would fence each other.
        assertThat(Set.of(instanceId, contactsInstanceId, identityInstanceId)).hasSize(3);
        assertThat(sessionTimeoutMs).isLessThanOrEqualTo(10_000);
        assertThat(heartbeatMs * 3).isLessThanOrEqualTo(sessionTimeoutMs);
    }

    @Test
    void an_instance_restarted_under_its_own_name_resumes_delivery_within_ten_seconds() {
        String topic = "ent.test.resume." + UUID.randomUUID();
        String group = "notification-resume-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "pupil", "before")).get();

            KafkaConsumer<String, String> crashed = consumer(group);
            crashed.subscribe(List.of(topic));
            assertThat(pollUntil(crashed, "before", Duration.ofSeconds(60))).containsExactly("before");
            crashed.commitSync();
            // It stops polling and never leaves the group; its session goes on (the worst case, a hung
            // pod; a killed one is a member whose session runs out later). As a dynamic member, the
            // newcomer would wait for it in a rebalance (up to max.poll.interval.ms, 5 min); under the
            // same static id, the broker hands its partitions over at once and fences it.
            try {
                producer.send(new ProducerRecord<>(topic, "pupil", "after")).get();
                long restart = System.nanoTime();
                try (KafkaConsumer<String, String> restarted = consumer(group)) {
                    restarted.subscribe(List.of(topic));
                    List<String> received = pollUntil(restarted, "after", Duration.ofSeconds(10));
                    Duration took = Duration.ofNanos(System.nanoTime() - restart);
                    assertThat(received).as("received within 10 s (took %s)", took).containsExactly("after");
                    assertThat(took).isLessThan(Duration.ofSeconds(10));
                }
            } finally {
                closeFenced(crashed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, heartbeatMs,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        return new KafkaConsumer<>(props);
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        return new KafkaProducer<>(props);
    }

    private static void closeFenced(KafkaConsumer<String, String> consumer) {
        try {
            consumer.close(Duration.ZERO);
        } catch (RuntimeException fenced) {
            // expected: another member took its id
        }
    }

    /** Polls until {@code expected} arrives or {@code within} has passed; returns what arrived. */
    private static List<String> pollUntil(KafkaConsumer<String, String> consumer, String expected, Duration within) {
        List<String> received = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (!received.contains(expected) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                received.add(record.value());
            }
        }
        return received;
    }
}
