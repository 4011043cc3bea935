package fr.ent.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A CloudEvent read from a Kafka record (binary content mode).
 *
 * @param id       {@code ce_id}: the event id, unique per event (consumers deduplicate on it)
 * @param type     {@code ce_type}, e.g. {@code fr.ent.attendance.absence-recorded.v1}
 * @param source   {@code ce_source}, e.g. {@code /attendance-service}
 * @param subject  {@code ce_subject} (may be null)
 * @param schoolId {@code ce_schoolid} extension (may be null)
 * @param time     {@code ce_time} (may be null)
 * @param key      the Kafka record key
 * @param data     the JSON payload
 */
public record IncomingEvent(UUID id, String type, String source, String subject, UUID schoolId,
                            OffsetDateTime time, String key, JsonNode data) {

    /** The payload as a contract record; a payload of the wrong shape is poison. */
    public <T> T data(Class<T> type) {
        return EventJson.convert(data, type);
    }

    /** Whether this event is of the type of the given contract class. */
    public boolean is(Class<?> contract) {
        return EventContracts.typeOf(contract).equals(type);
    }

    /**
     * Reads the CloudEvents headers and the JSON value of a record.
     *
     * @throws PoisonEventException when ce_id or ce_type is missing or malformed, or the value is
     *                              not JSON
     */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (specVersion != null && !specVersion.startsWith("1.")) {
            throw new PoisonEventException("unsupported CloudEvents specversion " + specVersion);
        }
        String contentType = header(record, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.toLowerCase().contains("json")) {
            throw new PoisonEventException("unsupported content-type " + contentType + " (expected application/json)");
        }
        String id = header(record, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            throw new PoisonEventException("missing header " + CloudEventHeaders.ID);
        }
        String type = header(record, CloudEventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            throw new PoisonEventException("missing header " + CloudEventHeaders.TYPE);
        }
        return new IncomingEvent(
                uuid(CloudEventHeaders.ID, id),
                type,
                header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT),
                uuid(CloudEventHeaders.SCHOOL_ID, header(record, CloudEventHeaders.SCHOOL_ID)),
                time(header(record, CloudEventHeaders.TIME)),
                record.key(),
                EventJson.read(record.value()));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("header " + name + " is not a UUID: " + value);
        }
    }

    private static OffsetDateTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("header " + CloudEventHeaders.TIME + " is not an RFC 3339 time: " + value);
        }
    }
}
