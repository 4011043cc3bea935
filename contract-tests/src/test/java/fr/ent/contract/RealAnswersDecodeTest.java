package fr.ent.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each real answer a service's tests kept ({@code <service>/target/contract-answers/<operationId>.<status>.json})
 * is decoded with the model the service's OpenAPI document names for that operation and status, by
 * the Java client generated from that document, strictly (an unknown field fails), and encodes back
 * to the same JSON: nothing the service sends is refused or dropped by a generated client.
 */
class RealAnswersDecodeTest {

    private static final Path ROOT = Path.of("..");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"identity", "attendance", "notification"})
    void the_generated_java_client_decodes_every_real_answer(String service) throws Exception {
        Path document = ROOT.resolve(service + "-service/target/openapi/openapi.json");
        Path answers = ROOT.resolve(service + "-service/target/contract-answers");
        assertThat(document).as("%s's OpenAPI document (written by its build)", service).exists();
        if (!Files.isDirectory(answers)) {
            fail(answers + " is missing: run " + service + "-service's tests first (its ContractAnswersTest keeps them)");
        }
        ObjectMapper reader = new ObjectMapper();
        JsonNode doc = reader.readTree(document.toFile());
        ObjectMapper client = clientMapper(service);

        List<Path> files;
        try (Stream<Path> s = Files.list(answers)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("real answers of %s", service).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String[] name = file.getFileName().toString().split("\\.");
            String operationId = name[0];
            String status = name[1];
            try {
                JsonNode schema = responseSchema(doc, operationId, status);
                JavaType type = javaType(client, schema, "fr.ent.client." + service + ".model.");
                JsonNode real = reader.readTree(file.toFile());
                Object decoded = client.readValue(file.toFile(), type);
                JsonNode again = reader.readTree(client.writeValueAsString(decoded));
                if (!withoutNulls(real).equals(withoutNulls(again))) {
                    failures.add(file.getFileName() + ": decoded as " + type + " and lost something:\n  sent    " + real
                            + "\n  decoded " + again);
                }
            } catch (Exception | AssertionError e) {
                failures.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        assertThat(failures).as("answers of %s the generated client cannot decode", service).isEmpty();
    }

    /** The mapper the generated client decodes answers with, made strict about unknown fields. */
    private static ObjectMapper clientMapper(String service) throws ReflectiveOperationException {
        Class<?> apiClient = Class.forName("fr.ent.client." + service + ".ApiClient");
        ObjectMapper mapper = (ObjectMapper) apiClient.getMethod("createDefaultObjectMapper").invoke(null);
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static JsonNode responseSchema(JsonNode doc, String operationId, String status) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            for (Iterator<JsonNode> ops = paths.next().getValue().elements(); ops.hasNext(); ) {
                JsonNode op = ops.next();
                if (!operationId.equals(op.path("operationId").asText())) {
                    continue;
                }
                JsonNode response = op.path("responses").path(status);
                assertThat(response.isMissingNode()).as("%s documents a %s answer", operationId, status).isFalse();
                if (response.has("$ref")) {
                    response = resolve(doc, response.get("$ref").asText());
                }
                JsonNode content = response.path("content");
                JsonNode media = content.has("application/json") ? content.get("application/json") : content.path("application/problem+json");
                assertThat(media.has("schema")).as("%s %s has a JSON schema", operationId, status).isTrue();
                return media.get("schema");
            }
        }
        throw new AssertionError("no operation " + operationId + " in the document");
    }

    private static JsonNode resolve(JsonNode doc, String ref) {
        return doc.at(ref.substring(1));
    }

    private static JavaType javaType(ObjectMapper mapper, JsonNode schema, String modelPackage) throws ClassNotFoundException {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return mapper.getTypeFactory().constructType(Class.forName(modelPackage + name));
        }
        if ("array".equals(schema.path("type").asText())) {
            return mapper.getTypeFactory().constructCollectionType(List.class, javaType(mapper, schema.get("items"), modelPackage));
        }
        assertThat(schema.size()).as("a typed schema, not {}").isPositive();
        return mapper.getTypeFactory().constructType(JsonNode.class);
    }

    /** Nulls and absent fields mean the same to a client; compare what is really there. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = o.objectNode();
            o.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = a.arrayNode();
            a.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }
}
