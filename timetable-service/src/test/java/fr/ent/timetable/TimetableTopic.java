package fr.ent.timetable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.awaitility.Awaitility;

/** Reads ent.timetable with a plain Kafka consumer, as any other service would. */
public final class TimetableTopic {

    public record Event(String key, String type, String subject, String schoolId, JsonNode data, String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TimetableTopic() {
    }

    /** Everything on the topic keyed by that lesson, read from the start. */
    public static List<Event> of(UUID lesson) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "timetable-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("ent.timetable"));
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> r : records) {
                    if (lesson.toString().equals(r.key())) {
                        events.add(new Event(r.key(), header(r, "ce_type"), header(r, "ce_subject"),
                                header(r, "ce_schoolid"), read(r.value()), r.value()));
                    }
                }
                // Stop once every partition has been read to its end.
                var assigned = consumer.assignment();
                if (records.isEmpty() && !assigned.isEmpty()
                        && consumer.endOffsets(assigned).entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    break;
                }
            }
        }
        return events;
    }

    /** Waits until the lesson has at least {@code count} events of that type, and returns those of that type. */
    public static List<Event> await(UUID lesson, String type, int count) {
        List<List<Event>> found = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Event> ofType = of(lesson).stream().filter(e -> type.equals(e.type())).toList();
            found.clear();
            found.add(ofType);
            return ofType.size() >= count;
        });
        return found.get(0);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
