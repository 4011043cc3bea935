package fr.ent.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every operation of every service, as the services document them: each service's OpenAPI
 * document, served by the gateway at {@code /q/openapi/<service>}. The generated suites walk these,
 * so an endpoint added to a service is tested (or fails the build for want of a rule) without
 * anyone editing the tests.
 */
public final class ApiDocuments {

    /** Every service behind the gateway, skeletons included (an empty document has no operation). */
    public static final List<String> SERVICES = List.of("identity", "timetable", "homework", "attendance", "grades",
            "messaging", "notification");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parameter of an operation: where it goes ("path", "query", "header"), its name and schema. */
    public record Parameter(String in, String name, boolean required, JsonNode schema) {
    }

    /** One operation: {@code key()} is "METHOD /path/{template}", the name the rule table uses. */
    public record Operation(String service, String method, String path, List<Parameter> parameters,
                            String bodyType, JsonNode bodySchema, boolean bodyRequired, Set<String> answerTypes,
                            JsonNode document) {

        public String key() {
            return method + " " + path;
        }

        public boolean hasBody() {
            return bodyType != null;
        }

        public boolean writes() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        public boolean isEventStream() {
            return answerTypes.contains("text/event-stream");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        /** A schema with its {@code $ref}s followed (one level at a time). */
        public JsonNode resolve(JsonNode schema) {
            return ApiDocuments.resolve(document, schema);
        }
    }

    private ApiDocuments() {
    }

    /** Every documented operation of every service, sorted by path then method. */
    public static List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        for (String service : SERVICES) {
            all.addAll(operationsOf(service, document(service)));
        }
        all.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return all;
    }

    public static JsonNode document(String service) {
        RawHttp.Answer answer = RawHttp.send("GET", "/q/openapi/" + service + "?format=json", null, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("the gateway did not serve the OpenAPI document of " + service + ": "
                    + answer.status() + " " + answer.excerpt(300));
        }
        // documents are larger than RawHttp keeps: fetch it whole
        try {
            return JSON.readTree(new java.net.URL(Platform.GATEWAY + "/q/openapi/" + service + "?format=json"));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenAPI document of " + service, e);
        }
    }

    static List<Operation> operationsOf(String service, JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(doc, path.getValue().path("parameters"));
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                JsonNode op = m.getValue();
                List<Parameter> params = new ArrayList<>(shared);
                for (Parameter p : parameters(doc, op.path("parameters"))) {
                    params.removeIf(q -> q.in().equals(p.in()) && q.name().equals(p.name()));
                    params.add(p);
                }
                String bodyType = null;
                JsonNode bodySchema = MissingNode.getInstance();
                JsonNode requestBody = resolve(doc, op.path("requestBody"));
                Iterator<Map.Entry<String, JsonNode>> contents = requestBody.path("content").fields();
                if (contents.hasNext()) {
                    Map.Entry<String, JsonNode> first = contents.next();
                    bodyType = first.getKey();
                    bodySchema = first.getValue().path("schema");
                }
                Set<String> answerTypes = new java.util.TreeSet<>();
                op.path("responses").forEach(r -> r.path("content").fieldNames().forEachRemaining(answerTypes::add));
                ops.add(new Operation(service, m.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(params),
                        bodyType, bodySchema, requestBody.path("required").asBoolean(false), answerTypes, doc));
            }
        }
        return ops;
    }

    private static List<Parameter> parameters(JsonNode doc, JsonNode list) {
        List<Parameter> params = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode r = resolve(doc, p);
            params.add(new Parameter(r.path("in").asText(), r.path("name").asText(), r.path("required").asBoolean(false),
                    resolve(doc, r.path("schema"))));
        }
        return params;
    }

    static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }
}
