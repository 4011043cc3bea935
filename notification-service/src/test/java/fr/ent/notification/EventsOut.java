package fr.ent.notification;

import fr.ent.events.EventContracts;
import fr.ent.events.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** Publishes to the real broker exactly as the other services' outbox relays do: CloudEvents, binary mode. */
public final class EventsOut {

    private static KafkaProducer<String, String> producer;

    private EventsOut() {
    }

    /** A contract payload with a fresh event id; returns the id. */
    public static UUID publish(String key, Object payload, UUID schoolId) {
        UUID id = UUID.randomUUID();
        publish(id, key, payload, schoolId);
        return id;
    }

    /** A contract payload with the given event id (a redelivery when the id was used before). */
    public static void publish(UUID id, String key, Object payload, UUID schoolId) {
        var contract = EventContracts.of(payload.getClass());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_source", "/test");
        headers.put("ce_type", contract.type());
        headers.put("ce_time", OffsetDateTime.now().toString());
        headers.put("ce_subject", key);
        if (schoolId != null) {
            headers.put("ce_schoolid", schoolId.toString());
        }
        headers.put("content-type", "application/json");
        publishRaw(contract.topic(), key, headers, EventJson.write(payload));
    }

    public static void publishRaw(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }
}
