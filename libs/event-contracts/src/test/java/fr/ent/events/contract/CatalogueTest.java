package fr.ent.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.ent.events.EventContract;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI catalogue and the payload records say the same thing: every record annotated with
 * {@link EventContract} in any package under {@code fr.ent.events.contract} is a message of the
 * catalogue (its name is the CloudEvents type), on the channel of its topic, with a payload schema
 * that has exactly the record's components with matching JSON types; and every message of the
 * catalogue belongs to such a record.
 */
class CatalogueTest {

    private static final String CONTRACTS_PACKAGE = "fr.ent.events.contract.";

    private static JsonNode catalogue;
    private static List<Class<?>> contracts;

    @BeforeAll
    static void load() throws IOException, ClassNotFoundException {
        try (InputStream yaml = CatalogueTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(yaml).as("asyncapi.yaml on the classpath").isNotNull();
            catalogue = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        }
        contracts = contractClasses();
    }

    /** The records annotated with @EventContract, found through the Jandex indexes on the classpath. */
    private static List<Class<?>> contractClasses() throws IOException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        Enumeration<URL> indexes = CatalogueTest.class.getClassLoader().getResources("META-INF/jandex.idx");
        while (indexes.hasMoreElements()) {
            try (InputStream in = indexes.nextElement().openStream()) {
                IndexView index = new IndexReader(in).read();
                for (AnnotationInstance annotation : index.getAnnotations(DotName.createSimple(EventContract.class))) {
                    String name = annotation.target().asClass().name().toString();
                    if (name.startsWith(CONTRACTS_PACKAGE)) {
                        names.add(name);
                    }
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name));
        }
        return classes;
    }

    @Test
    void the_attendance_contracts_are_found() {
        assertThat(contracts).extracting(Class::getSimpleName)
                .contains("AbsenceRecorded", "LatenessRecorded", "EarlyDepartureRecorded", "AbsenceJustified",
                        "AbsenceCancelled", "AbsenceThresholdReached");
    }

    @Test
    void the_timetable_contracts_are_found() {
        assertThat(contracts).extracting(Class::getSimpleName).contains("LessonChanged", "LessonScheduled");
    }

    @Test
    void the_grades_contracts_are_found() {
        assertThat(contracts).extracting(Class::getSimpleName).contains("MarksPublished", "MarkChanged", "PeriodLocked", "ReportCardPublished");
    }

    @Test
    void says_which_content_mode_the_events_use() {
        assertThat(catalogue.path("asyncapi").asText()).startsWith("3.");
        assertThat(catalogue.path("info").path("description").asText())
                .contains("binary content mode").contains("ce_schoolid");
    }

    @Test
    void every_contract_is_a_record_with_a_well_formed_type_and_topic() {
        for (Class<?> contract : contracts) {
            EventContract annotation = contract.getAnnotation(EventContract.class);
            assertThat(contract.isRecord()).as("%s is a record", contract.getName()).isTrue();
            assertThat(annotation.topic()).as("topic of %s", contract.getName()).matches("ent\\.[a-z]+(\\.[a-z0-9-]+)*");
            assertThat(annotation.type()).as("type of %s", contract.getName())
                    .matches("fr\\.ent\\.[a-z]+\\.[a-z0-9-]+\\.v[0-9]+")
                    .startsWith("fr.ent." + annotation.topic().split("\\.")[1] + ".");
        }
        assertThat(contracts.stream().map(c -> c.getAnnotation(EventContract.class).type()))
                .as("event types are unique").doesNotHaveDuplicates();
    }

    @TestFactory
    Stream<DynamicTest> every_contract_is_in_the_catalogue_on_its_topic_with_its_payload() {
        return contracts.stream().map(contract -> DynamicTest.dynamicTest(contract.getName(), () -> check(contract)));
    }

    private static void check(Class<?> contract) {
        EventContract annotation = contract.getAnnotation(EventContract.class);
        String messageKey = messageKeyOfType(annotation.type());
        assertThat(messageKey).as("a message named %s for %s", annotation.type(), contract.getName()).isNotNull();

        assertThat(channelAddressesOf(messageKey)).as("channels carrying %s", annotation.type())
                .containsExactly(annotation.topic());

        JsonNode message = catalogue.path("components").path("messages").path(messageKey);
        assertThat(hasCloudEventHeaders(message)).as("%s declares the ce_* headers", annotation.type()).isTrue();

        JsonNode schema = resolve(message.path("payload"));
        Map<String, JsonNode> properties = fields(schema.path("properties"));
        List<String> components = Arrays.stream(contract.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(properties.keySet()).as("payload properties of %s", annotation.type())
                .containsExactlyInAnyOrderElementsOf(components);

        Set<String> required = new HashSet<>();
        schema.path("required").forEach(node -> required.add(node.asText()));
        for (RecordComponent component : contract.getRecordComponents()) {
            JsonNode property = resolve(properties.get(component.getName()));
            String where = annotation.type() + " " + component.getName();
            assertMatches(where, component.getGenericType(), property);
            if (component.getType().isPrimitive()) {
                assertThat(required).as("%s (primitive) is required", where).contains(component.getName());
                assertThat(types(property)).as("%s (primitive) is not nullable", where).doesNotContain("null");
            }
        }
        assertThat(properties.keySet()).as("required fields of %s exist", annotation.type()).containsAll(required);
    }

    @Test
    void every_event_carries_a_schoolid_and_its_message_says_which() {
        JsonNode headers = catalogue.at("/components/schemas/CloudEventHeaders");
        Set<String> required = new HashSet<>();
        headers.path("required").forEach(node -> required.add(node.asText()));
        assertThat(required).as("CloudEventHeaders.required").contains("ce_schoolid");
        for (Class<?> contract : contracts) {
            String type = contract.getAnnotation(EventContract.class).type();
            JsonNode message = catalogue.path("components").path("messages").path(messageKeyOfType(type));
            String rule = message.path("x-schoolid").asText("");
            assertThat(rule).as("%s: x-schoolid says how its ce_schoolid is chosen", type).isNotBlank();
            java.util.regex.Matcher field = java.util.regex.Pattern.compile("payload\\.([A-Za-z]+)").matcher(rule);
            if (field.find()) {
                RecordComponent component = Arrays.stream(contract.getRecordComponents())
                        .filter(c -> c.getName().equals(field.group(1))).findFirst().orElse(null);
                assertThat(component).as("%s: the field %s named by x-schoolid", type, field.group(1)).isNotNull();
                boolean oneSchool = component.getType() == UUID.class;
                boolean schools = Collection.class.isAssignableFrom(component.getType())
                        && component.getGenericType() instanceof ParameterizedType p
                        && p.getActualTypeArguments()[0] == UUID.class;
                assertThat(oneSchool || (schools && rule.startsWith("once per school")))
                        .as("%s: %s is a school id, or a list of them published once per school", type, rule).isTrue();
            } else {
                assertThat(rule).as("%s: without a payload field, x-schoolid names the school(s) in words", type)
                        .containsAnyOf("school");
            }
        }
    }

    /**
     * Words that would let a payload carry a health reason or free text about a family: a school's
     * absence reasons (MALADIE, RDV_MEDICAL...), comments, notes. Field names are split into words.
     */
    private static final Set<String> PRIVATE_WORDS = Set.of("reason", "reasons", "motive", "motif", "comment",
            "comments", "note", "notes", "remark", "remarks", "text", "label", "description", "details",
            "observation", "health", "medical", "diagnosis", "illness");

    @Test
    void no_payload_field_can_carry_a_health_reason_or_free_text() {
        for (Class<?> contract : contracts) {
            String type = contract.getAnnotation(EventContract.class).type();
            for (RecordComponent component : contract.getRecordComponents()) {
                Set<String> words = Arrays.stream(component.getName().split("(?<=[a-z0-9])(?=[A-Z])"))
                        .map(w -> w.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toSet());
                assertThat(words).as("%s.%s: a field for reasons, comments or notes never leaves its service",
                        type, component.getName()).doesNotContainAnyElementsOf(PRIVATE_WORDS);
            }
        }
    }

    @Test
    void every_message_of_the_catalogue_has_a_contract_class() {
        Set<String> types = contracts.stream().map(c -> c.getAnnotation(EventContract.class).type())
                .collect(Collectors.toSet());
        Map<String, JsonNode> messages = fields(catalogue.path("components").path("messages"));
        assertThat(messages).isNotEmpty();
        messages.forEach((key, message) -> assertThat(types)
                .as("message %s (%s) has an @EventContract class", key, message.path("name").asText())
                .contains(message.path("name").asText()));
        // And every message a channel lists is one of them.
        fields(catalogue.path("channels")).forEach((channel, node) -> fields(node.path("messages"))
                .forEach((key, ref) -> assertThat(resolve(ref).path("name").asText())
                        .as("message %s of channel %s", key, channel).isIn(types)));
    }

    private static void assertMatches(String where, Type javaType, JsonNode property) {
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        Set<String> types = types(property);
        String format = property.path("format").isMissingNode() ? null : property.path("format").asText();
        String expectedType;
        String expectedFormat = null;
        if (raw == UUID.class) {
            expectedType = "string";
            expectedFormat = "uuid";
        } else if (raw == String.class || raw == YearMonth.class) {
            expectedType = "string";
        } else if (raw == boolean.class || raw == Boolean.class) {
            expectedType = "boolean";
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            expectedType = "integer";
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            expectedType = "number";
        } else if (raw == OffsetDateTime.class || raw == Instant.class || raw == ZonedDateTime.class) {
            expectedType = "string";
            expectedFormat = "date-time";
        } else if (raw == LocalDate.class) {
            expectedType = "string";
            expectedFormat = "date";
        } else if (raw == LocalTime.class) {
            expectedType = "string";
            expectedFormat = "time";
        } else if (raw.isEnum()) {
            expectedType = "string";
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(Object::toString).collect(Collectors.toSet());
            Set<String> listed = new HashSet<>();
            property.path("enum").forEach(value -> {
                if (!value.isNull()) {
                    listed.add(value.asText());
                }
            });
            assertThat(listed).as("%s enum values", where).isEqualTo(constants);
        } else if (Collection.class.isAssignableFrom(raw)) {
            expectedType = "array";
            if (javaType instanceof ParameterizedType p) {
                assertMatches(where + "[]", p.getActualTypeArguments()[0], resolve(property.path("items")));
            }
        } else if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
            expectedType = "object";
        } else {
            throw new AssertionError(where + ": no JSON mapping known for " + javaType + "; extend CatalogueTest");
        }
        assertThat(types).as("%s type", where).contains(expectedType);
        assertThat(types).as("%s has one JSON type (and maybe null)", where).hasSizeLessThanOrEqualTo(2);
        assertThat(format).as("%s format", where).isEqualTo(expectedFormat);
    }

    private static Set<String> types(JsonNode property) {
        Set<String> types = new HashSet<>();
        JsonNode type = property.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        return types;
    }

    private static boolean hasCloudEventHeaders(JsonNode message) {
        List<JsonNode> sources = new ArrayList<>();
        sources.add(message);
        message.path("traits").forEach(trait -> sources.add(resolve(trait)));
        for (JsonNode source : sources) {
            JsonNode headers = resolve(source.path("headers"));
            Set<String> names = fields(headers.path("properties")).keySet();
            if (names.containsAll(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
                    "ce_subject", "ce_schoolid", "content-type"))) {
                return true;
            }
        }
        return false;
    }

    private static String messageKeyOfType(String type) {
        for (Map.Entry<String, JsonNode> message : fields(catalogue.path("components").path("messages")).entrySet()) {
            if (type.equals(message.getValue().path("name").asText())) {
                return message.getKey();
            }
        }
        return null;
    }

    private static List<String> channelAddressesOf(String messageKey) {
        String ref = "#/components/messages/" + messageKey;
        List<String> addresses = new ArrayList<>();
        fields(catalogue.path("channels")).forEach((name, channel) -> {
            for (JsonNode message : fields(channel.path("messages")).values()) {
                if (ref.equals(message.path("$ref").asText())) {
                    addresses.add(channel.path("address").asText());
                }
            }
        });
        return addresses;
    }

    /** Follows local {@code $ref}s ("#/a/b/c"). */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref") && depth < 10; depth++) {
            String ref = current.get("$ref").asText();
            assertThat(ref).as("local reference").startsWith("#/");
            current = catalogue.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue());
        }
        return fields;
    }
}
