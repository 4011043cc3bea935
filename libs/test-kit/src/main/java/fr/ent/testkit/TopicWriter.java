package fr.ent.testkit;

import fr.ent.events.CloudEventHeaders;
import fr.ent.events.EventContract;
import fr.ent.events.EventContracts;
import fr.ent.events.EventJson;
import fr.ent.events.IncomingEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Publishes to the real broker as the services' outbox relays do: CloudEvents in binary mode
 * ({@code ce_*} headers, the JSON payload as the value), to the topic of the payload's contract.
 * Waits until Kafka has each record. The broker is the test application's
 * ({@code kafka.bootstrap.servers}) unless one is given.
 *
 * <pre>{@code
 * TopicWriter.publish(pupil.toString(), new AbsenceRecorded(...), school);   // fresh event id
 * TopicWriter.publish(eventId, pupil.toString(), payload, school);           // again: a redelivery
 * TopicWriter.publishRaw("ent.attendance", key, headers, "{ not json");      // poison
 * }</pre>
 */
public final class TopicWriter {

    /** The {@code ce_source} of what a test publishes in another service's name. */
    public static final String SOURCE = "/test";

    // One producer per broker for the whole test JVM; its threads are daemons.
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private TopicWriter() {
    }

    /** A contract payload with a fresh event id, key and subject {@code key}; returns the event id. */
    public static UUID publish(String key, Object payload, UUID schoolId) {
        UUID id = UUID.randomUUID();
        publish(id, key, payload, schoolId);
        return id;
    }

    /** A contract payload with the given event id (a redelivery when the id was used before). */
    public static void publish(UUID id, String key, Object payload, UUID schoolId) {
        EventContract contract = EventContracts.of(payload.getClass());
        IncomingEvent event = new IncomingEvent(id, contract.type(), SOURCE, key, schoolId,
                OffsetDateTime.now(ZoneOffset.UTC), key, EventJson.MAPPER.valueToTree(payload));
        send(bootstrapServers(), List.of(record(contract.topic(), event)));
    }

    /** Any value with any headers, e.g. a malformed event. */
    public static void publishRaw(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> header(record, name, v));
        send(bootstrapServers(), List.of(record));
    }

    /** The Kafka record of an event in CloudEvents binary mode. */
    public static ProducerRecord<String, String> record(String topic, IncomingEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), EventJson.write(event.data()));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, event.id().toString());
        header(record, CloudEventHeaders.SOURCE, event.source());
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.subject() != null) {
            header(record, CloudEventHeaders.SUBJECT, event.subject());
        }
        if (event.time() != null) {
            header(record, CloudEventHeaders.TIME, event.time().toString());
        }
        if (event.schoolId() != null) {
            header(record, CloudEventHeaders.SCHOOL_ID, event.schoolId().toString());
        }
        return record;
    }

    /** Sends the records in order and waits until Kafka has them all. */
    public static void send(String bootstrapServers, List<ProducerRecord<String, String>> records) {
        KafkaProducer<String, String> producer = PRODUCERS.computeIfAbsent(bootstrapServers, TopicWriter::producer);
        try {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a record", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to Kafka", e);
        }
    }

    /** The test application's broker. */
    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
