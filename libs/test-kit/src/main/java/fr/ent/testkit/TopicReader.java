package fr.ent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.events.CloudEventHeaders;
import fr.ent.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads what really reached a topic of the test application's broker, as any other service would
 * see it: a plain consumer, no consumer group, every partition from its beginning to its end.
 *
 * <pre>{@code
 * TopicReader.Event e = TopicReader.await("ent.attendance", pupil, "fr.ent.attendance.absence-recorded.v1", 1).get(0);
 * assertThat(e.data().get("justified").asBoolean()).isTrue();
 * TopicReader.await("ent.identity", 2, e -> e.key().equals(teacher.toString()));
 * TopicReader.read("ent.dlq.notification-service")   // now, without waiting
 * }</pre>
 */
public final class TopicReader {

    /** How long {@link #await} waits for the events to arrive. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One record of a topic: its CloudEvents headers and its value. */
    public record Event(String topic, int partition, long offset, String key, Map<String, String> headers, String value) {

        /** The last header of that name, or null. */
        public String header(String name) {
            return headers.get(name);
        }

        public String id() {
            return header(CloudEventHeaders.ID);
        }

        public String type() {
            return header(CloudEventHeaders.TYPE);
        }

        public String source() {
            return header(CloudEventHeaders.SOURCE);
        }

        public String subject() {
            return header(CloudEventHeaders.SUBJECT);
        }

        public String schoolId() {
            return header(CloudEventHeaders.SCHOOL_ID);
        }

        /** The value as JSON (fails on a value that is not). */
        public JsonNode data() {
            try {
                return EventJson.MAPPER.readTree(value);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("not JSON: " + value, e);
            }
        }
    }

    private TopicReader() {
    }

    /** Everything on the topic now, by partition and offset; empty when the topic does not exist yet. */
    public static List<Event> read(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TopicWriter.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            } catch (TimeoutException noSuchTopic) {
                return events;
            }
            if (partitions == null || partitions.isEmpty()) {
                return events;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long deadline = System.currentTimeMillis() + 10_000;
            while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> events.add(event(r)));
            }
        }
        events.sort(Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset));
        return events;
    }

    /** Everything on the topic now keyed by {@code key} (a pupil, a person...). */
    public static List<Event> read(String topic, UUID key) {
        return read(topic).stream().filter(e -> key.toString().equals(e.key())).toList();
    }

    /** Waits until at least {@code count} events of the topic match, and returns them all. */
    public static List<Event> await(String topic, int count, Predicate<Event> which) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> read(topic).stream().filter(which).toList(), found -> found.size() >= count);
    }

    /** Waits until at least {@code count} events of that type keyed by {@code key} are on the topic, and returns them. */
    public static List<Event> await(String topic, UUID key, String type, int count) {
        return await(topic, count, e -> key.toString().equals(e.key()) && type.equals(e.type()));
    }

    private static Event event(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Event(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
    }
}
