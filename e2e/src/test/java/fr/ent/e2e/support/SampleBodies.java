package fr.ent.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * A plausible request body for an operation, generated from its schema: ids from the bindings of
 * the operation's row (e.g. {@code pupilId=lea}) or from the usual meaning of a name
 * ({@code schoolId} is Jean Moulin, {@code groupId} is 4A), dates of today, times at 06:00 (no
 * test takes a roll call that early), enums by their first value. Good enough for a request that
 * only authorization should stop, and the base that the bad-input suite spoils one field at a time.
 */
public final class SampleBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleBodies() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** The body as JSON, or null when the operation takes none. */
    public static JsonNode of(ApiDocuments.Operation op, Bindings bindings) {
        if (!op.hasBody()) {
            return null;
        }
        return value(op, "", op.bodySchema(), bindings, 0);
    }

    /** The value of a parameter or property called {@code name}: a binding, else one that fits the schema. */
    public static JsonNode value(ApiDocuments.Operation op, String name, JsonNode rawSchema, Bindings bindings, int depth) {
        JsonNode schema = op.resolve(rawSchema);
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            schema = op.resolve(schema.path("allOf").get(0));
        }
        for (String alternatives : new String[] {"oneOf", "anyOf"}) {
            // a nullable property is "anyOf": [its schema, {"type": "null"}] (OpenAPI 3.1)
            for (JsonNode alternative : schema.path(alternatives)) {
                if (!alternative.path("type").asText().equals("null")) {
                    schema = op.resolve(alternative);
                    break;
                }
            }
        }
        String type = type(schema);
        String bound = bindings.valueOf(name);
        if (bound != null) {
            if (type.equals("array")) {
                ArrayNode a = NODES.arrayNode();
                if (!bound.isEmpty()) {
                    a.add(bound);
                }
                return a;
            }
            return type.equals("boolean") ? NODES.booleanNode(Boolean.parseBoolean(bound))
                    : type.equals("integer") ? NODES.numberNode(Long.parseLong(bound)) : new TextNode(bound);
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            for (String preferred : new String[] {"PRESENT", "IMMEDIATE", "PUPIL", "CLASS"}) {
                for (JsonNode e : schema.path("enum")) {
                    if (e.asText().equals(preferred)) {
                        return e;
                    }
                }
            }
            return schema.path("enum").get(0);
        }
        String format = schema.path("format").asText("");
        String today = bindings.valueOf("today");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                if (depth > 4) {
                    return o;
                }
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    if (bindings.skipped(p.getKey())) {
                        continue;
                    }
                    o.set(p.getKey(), value(op, p.getKey(), p.getValue(), bindings, depth + 1));
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                if (!name.equals("groupIds")) {
                    a.add(value(op, singular(name), schema.path("items"), bindings, depth + 1));
                }
                return a;
            }
            case "boolean":
                return NODES.booleanNode(!name.equals("confidential"));
            case "integer":
                // within the schema's bounds, so that a plausible body passes validation
                long n = name.toLowerCase().contains("minutes") ? 5 : 1;
                n = Math.max(n, schema.path("minimum").asLong(n));
                return NODES.numberNode(Math.min(n, schema.path("maximum").asLong(n)));
            case "number":
                return NODES.numberNode(1.5);
            default:
                break;
        }
        switch (format) {
            case "uuid":
                return new TextNode(UUID.randomUUID().toString());
            case "date":
                if (name.equals("birthDate")) {
                    return new TextNode("2012-03-04");
                }
                return new TextNode(today);
            case "date-time":
                return new TextNode(today + (name.startsWith("end") ? "T06:10:00" : "T06:00:00"));
            case "local-time":
            case "time":
                return new TextNode(time(name));
            default:
                break;
        }
        if (name.equals("startsAt") || name.equals("endsAt") || name.equals("leftAt") || name.endsWith("Start")
                || name.endsWith("End")) {
            return new TextNode(time(name));
        }
        String text = matching(text(name), schema.path("pattern").asText(""));
        // within the schema's maxLength, so that an optional field does not refuse the call before its rules do
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return new TextNode(text.length() > max ? text.substring(0, max) : text);
    }

    /** The text, or a simple one that fits the schema's pattern when the text does not. */
    private static String matching(String text, String pattern) {
        if (pattern.isEmpty() || text.matches(pattern)) {
            return text;
        }
        for (String candidate : new String[] {"A1", "M1", "a1", "1", "A", "a"}) {
            if (candidate.matches(pattern)) {
                return candidate;
            }
        }
        return text;
    }

    private static String time(String name) {
        return switch (name) {
            case "eveningStart" -> "20:00";
            case "morningEnd" -> "07:00";
            case "endsAt" -> "06:10";
            case "leftAt" -> "06:05";
            default -> "06:00";
        };
    }

    private static String text(String name) {
        return switch (name) {
            case "code" -> "E2E_AUTHZ";
            case "subject" -> "MATHS";
            case "role" -> "PUPIL";
            case "firstName" -> "Fixture";
            case "lastName" -> "E2E-Authz";
            case "email" -> "fixture.e2e-authz@fixtures.ent.example";
            case "uai" -> "0999999F";
            case "type" -> "COLLEGE";
            case "academy" -> "Paris";
            case "timeZone" -> "Europe/Paris";
            case "level" -> "4e";
            case "kind" -> "CLASS";
            case "content" -> ApiFixtures.base64Png();
            case "fileName" -> "justificatif.png";
            case "label" -> "2099-2100";
            default -> "E2E " + name;
        };
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    /** The JSON type of a schema ("object" when it has properties). */
    public static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /**
     * Names and their values for one operation: the row's own bindings first ({@code name=fixture}
     * or {@code name=literal}), then the usual meaning of a name, else nothing (the generator picks).
     */
    public record Bindings(Map<String, String> row, ApiFixtures fixtures) {

        private static final Map<String, String> USUAL = Map.ofEntries(
                Map.entry("pupilId", "lea"), Map.entry("schoolId", "jeanMoulin"), Map.entry("schoolIds", "jeanMoulin"),
                Map.entry("groupId", "class4A"), Map.entry("classId", "class4A"), Map.entry("classGroupId", "class4A"),
                Map.entry("entryId", "leaAbsence"), Map.entry("reasonId", "reason"), Map.entry("guardianId", "sophie"),
                Map.entry("teacherId", "claire"), Map.entry("subjectId", "subject"), Map.entry("schoolYear", "schoolYear"),
                Map.entry("today", "today"));

        public String valueOf(String name) {
            String v = row.get(name);
            if (v == null) {
                v = USUAL.get(name);
            }
            if (v == null || v.equals("-")) {
                return null;
            }
            return fixtures.has(v) ? fixtures.value(v) : v;
        }

        public boolean bound(String name) {
            return row.containsKey(name) || USUAL.containsKey(name);
        }

        /** {@code name=-} in a row leaves that property out of generated bodies. */
        public boolean skipped(String name) {
            return "-".equals(row.get(name)) || name.equals("timetableLessonId") || name.equals("initialPassword")
                    || name.equals("attachmentId") || name.equals("username");
        }
    }
}
