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
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a crash, the restarted instance resumes consuming at once: every channel is a static member
 * of the group (group.instance.id from the pod's name), so the broker hands the dead member's
 * partitions to the member coming back under the same id, without waiting for the dead one's
 * session to end. All channels share one group, so one dynamic channel would be enough to turn the
 * restart into a rebalance that waits for the dead instance. Checked on the real broker with the
 * consumer settings of every incoming channel of the application, in a group and topics of their
 * own so the application's consumers are not disturbed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class ConsumerResumeTest {

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    /** A channel's consumer settings as the application runs them. */
    record Channel(String name, Optional<String> instanceId, int sessionTimeoutMs, int heartbeatMs) {
    }

    @Test
    void every_channel_is_a_static_member_of_its_own_name_with_a_short_session() {
        List<Channel> channels = channels();
        assertThat(channels).extracting(Channel::name)
                .contains("attendance-events", "identity-events", "timetable-events", "grades-events", "messaging-events",
                        "homework-events", "contact-events");
        for (Channel channel : channels) {
            assertThat(channel.instanceId()).as("group.instance.id of %s", channel.name()).isPresent();
            assertThat(channel.sessionTimeoutMs()).as("session.timeout.ms of %s", channel.name()).isLessThanOrEqualTo(10_000);
            assertThat(channel.heartbeatMs() * 3).as("heartbeat.interval.ms of %s", channel.name())
                    .isLessThanOrEqualTo(channel.sessionTimeoutMs());
        }
        // Two members of one group under the same id would fence each other.
        assertThat(channels.stream().map(c -> c.instanceId().orElseThrow()).distinct()).hasSameSizeAs(channels);
    }

    @Test
    void an_instance_restarted_under_its_own_name_resumes_delivery_on_every_channel_within_ten_seconds()
            throws InterruptedException, ExecutionException {
        List<Channel> channels = channels();
        String group = "notification-resume-" + UUID.randomUUID();
        Map<Channel, String> topics = new HashMap<>();
        channels.forEach(c -> topics.put(c, "ent.test.resume." + c.name() + "." + UUID.randomUUID()));
        try (KafkaProducer<String, String> producer = producer()) {
            for (String topic : topics.values()) {
                producer.send(new ProducerRecord<>(topic, "pupil", "before")).get();
            }
            // The instance before the crash: one member per channel, as the application runs them.
            Map<Channel, KafkaConsumer<String, String>> crashed = new HashMap<>();
            channels.forEach(c -> crashed.put(c, consumer(group, c, topics.get(c))));
            assertThat(pollUntilEach(crashed, "before", Duration.ofSeconds(90))).as("channels that read before the crash")
                    .containsExactlyInAnyOrderElementsOf(names(channels));
            crashed.values().forEach(KafkaConsumer::commitSync);
            // They stop polling and never leave the group; their sessions go on (the worst case, a hung
            // pod; a killed one is a member whose session runs out later). A dynamic newcomer would wait
            // for them in a rebalance (up to max.poll.interval.ms, 5 min); under the same static ids,
            // the broker hands their partitions over at once and fences them.
            try {
                for (String topic : topics.values()) {
                    producer.send(new ProducerRecord<>(topic, "pupil", "after")).get();
                }
                long restart = System.nanoTime();
                Map<Channel, KafkaConsumer<String, String>> restarted = new HashMap<>();
                try {
                    channels.forEach(c -> restarted.put(c, consumer(group, c, topics.get(c))));
                    Set<String> resumed = pollUntilEach(restarted, "after", Duration.ofSeconds(10));
                    Duration took = Duration.ofNanos(System.nanoTime() - restart);
                    assertThat(resumed).as("channels that resumed within 10 s (took %s)", took)
                            .containsExactlyInAnyOrderElementsOf(names(channels));
                    assertThat(took).isLessThan(Duration.ofSeconds(10));
                } finally {
                    restarted.values().forEach(KafkaConsumer::close);
                }
            } finally {
                crashed.values().forEach(ConsumerResumeTest::closeFenced);
            }
        }
    }

    /** Every incoming channel of the application (libs' ones included) with its consumer settings. */
    private static List<Channel> channels() {
        Config config = ConfigProvider.getConfig();
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher m = CHANNEL.matcher(property);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        return names.stream().map(name -> {
            String prefix = "mp.messaging.incoming." + name + ".";
            return new Channel(name,
                    config.getOptionalValue(prefix + "group.instance.id", String.class),
                    config.getOptionalValue(prefix + "session.timeout.ms", Integer.class).orElse(45_000),
                    config.getOptionalValue(prefix + "heartbeat.interval.ms", Integer.class).orElse(3_000));
        }).toList();
    }

    private static Set<String> names(List<Channel> channels) {
        return channels.stream().map(Channel::name).collect(Collectors.toSet());
    }

    private static KafkaConsumer<String, String> consumer(String group, Channel channel, String topic) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, channel.sessionTimeoutMs(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, channel.heartbeatMs(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        channel.instanceId().ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
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

    /**
     * Polls every consumer in turn (they are members of one group, all must keep joining) until each
     * has read {@code expected} or {@code within} has passed; returns the channels that did.
     */
    private static Set<String> pollUntilEach(Map<Channel, KafkaConsumer<String, String>> consumers, String expected,
                                             Duration within) {
        Set<String> done = new HashSet<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (done.size() < consumers.size() && System.nanoTime() < deadline) {
            consumers.forEach((channel, consumer) -> {
                var records = consumer.poll(Duration.ofMillis(50));
                if (StreamSupport.stream(records.spliterator(), false).map(ConsumerRecord::value).anyMatch(expected::equals)) {
                    done.add(channel.name());
                }
            });
        }
        return done;
    }
}
