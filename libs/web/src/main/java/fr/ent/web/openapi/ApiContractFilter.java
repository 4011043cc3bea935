package fr.ent.web.openapi;

import fr.ent.web.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes every service's OpenAPI document exact enough to generate clients from, in one place:
 *
 * <ul>
 *   <li>every operation has an {@code operationId} (the resource method's name, from
 *       {@code quarkus.smallrye-openapi.operation-id-strategy=METHOD}), unique in the document: a
 *       name used twice gets its tag's noun ({@code list} → {@code listReason});</li>
 *   <li>{@code servers} is {@code /}: the paths already carry {@code /api/<service>}, the same
 *       behind the gateway and on the service itself;</li>
 *   <li>one {@code Problem} schema (RFC 9457, what {@code ProblemMappers} sends) and the error
 *       answers each operation can really give, as {@code application/problem+json}: 400 when it
 *       reads parameters or a body, 401/403 when it needs a token, 404 when its path names
 *       something, 413/415 when it reads a body, 503 always (database or Kafka down); an error a
 *       resource declares itself ({@code @APIResponse(responseCode = "409")}) gets the same body;</li>
 *   <li>a property not listed in {@code required} may be {@code null} (Jackson writes absent
 *       values as {@code null}): its type gains {@code "null"} (OpenAPI 3.1).</li>
 * </ul>
 *
 * Quarkus finds it by its annotation and runs it at build time, after its own filters (which add
 * 401/403 and security requirements); the document served at {@code /q/openapi} is the filtered one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = -1000)
public class ApiContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String RESPONSES = "#/components/responses/";
    /** What Quarkus writes on the 400/401/403 it adds by itself: replaced by our described answers. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed", "Not Found");

    /** Error answers added by rule: status → (component name, description). */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[]{"BadRequest",
                "Bad input: malformed JSON, a wrong type, or a field or parameter that breaks a rule (named in errors[])."});
        ERRORS.put("401", new String[]{"Unauthorized", "No valid bearer token (missing, expired, or not ours)."});
        ERRORS.put("403", new String[]{"Forbidden", "The caller's role may not do this."});
        ERRORS.put("404", new String[]{"NotFound", "Nothing with that id that the caller may see."});
        ERRORS.put("409", new String[]{"Conflict", "The request conflicts with the current state."});
        ERRORS.put("413", new String[]{"PayloadTooLarge", "The body is larger than the service accepts."});
        ERRORS.put("415", new String[]{"UnsupportedMediaType", "The body's Content-Type is not one the operation reads."});
        ERRORS.put("503", new String[]{"ServiceUnavailable",
                "A dependency (database, Kafka) is unreachable; retry after the Retry-After delay."});
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("This service, or the gateway: the paths are the same (/api/<service>/...)"));
        }
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() != null) {
            components.getSchemas().forEach((name, schema) -> markNullable(schema));
        }
        addProblemSchemas(components);
        boolean globallySecured = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        List<Operation> all = new ArrayList<>();
        Set<String> used = new HashSet<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(op -> {
            addErrors(path, op, globallySecured, used);
            all.add(op);
        }));
        makeOperationIdsUnique(all);
        // Only the shared answers some operation uses (linters flag unused components).
        for (String[] error : ERRORS.values()) {
            if (used.contains(RESPONSES + error[0])) {
                components.addResponse(error[0], problemResponse(error[1]));
            }
        }
    }

    private static List<Operation> operations(PathItem item) {
        List<Operation> ops = new ArrayList<>();
        if (item.getOperations() != null) {
            ops.addAll(item.getOperations().values());
        }
        return ops;
    }

    /** The errors this operation can give, as problem details, in status order. */
    private static void addErrors(String path, Operation op, boolean globallySecured, Set<String> used) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        boolean readsInput = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        boolean secured = op.getSecurity() == null ? globallySecured : !op.getSecurity().isEmpty();
        Map<String, Boolean> applies = Map.of(
                "400", readsInput,
                "401", secured,
                "403", secured,
                "404", path.contains("{"),
                "413", op.getRequestBody() != null,
                "415", op.getRequestBody() != null,
                "503", true);
        Map<String, APIResponse> sorted = new TreeMap<>();
        if (responses.getAPIResponses() != null) {
            sorted.putAll(responses.getAPIResponses());
        }
        for (Map.Entry<String, String[]> e : ERRORS.entrySet()) {
            String status = e.getKey();
            APIResponse declared = sorted.get(status);
            boolean generic = declared != null && declared.getRef() == null && !hasContent(declared)
                    && GENERIC_DESCRIPTIONS.contains(declared.getDescription());
            if ((declared == null && applies.getOrDefault(status, false)) || generic) {
                sorted.put(status, OASFactory.createAPIResponse().ref(RESPONSES + e.getValue()[0]));
            }
        }
        // Errors a resource declared in its own words, without a body, get the problem body.
        sorted.forEach((status, response) -> {
            boolean error = status.startsWith("4") || status.startsWith("5");
            if (error && response.getRef() == null && !hasContent(response)) {
                response.setContent(problemContent());
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
        sorted.values().forEach(r -> {
            if (r.getRef() != null) {
                used.add(r.getRef());
            }
        });
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    /**
     * Ids from the method name can repeat across resources ({@code list}, {@code get}); each
     * repeated one gets the noun of its tag (Quarkus tags an operation with its resource class).
     */
    private static void makeOperationIdsUnique(List<Operation> ops) {
        Map<String, Integer> count = new HashMap<>();
        for (Operation op : ops) {
            if (op.getOperationId() == null || op.getOperationId().isBlank()) {
                op.setOperationId(camel(op.getSummary() == null ? "operation" : op.getSummary()));
            }
            count.merge(op.getOperationId(), 1, Integer::sum);
        }
        Map<String, Integer> taken = new HashMap<>();
        for (Operation op : ops) {
            String id = op.getOperationId();
            if (count.get(id) > 1) {
                String noun = op.getTags() == null || op.getTags().isEmpty() ? "" : op.getTags().get(0);
                id = id + capitalise(camel(noun.replaceAll("(?i)\\s*resource$", "")));
            }
            int n = taken.merge(id, 1, Integer::sum);
            op.setOperationId(n == 1 ? id : id + n);
        }
    }

    /** A property not required may be null: Jackson writes a missing value as {@code null}. */
    private static void markNullable(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> properties.put(name,
                required.contains(name) ? property : nullable(property)));
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().addAnyOf(property)
                    .addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
        }
        if (property.getType() != null && !property.getType().isEmpty() && !property.getType().contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
        }
        return property;
    }

    /** {@link Problem} as JSON Schema: what every error answer carries. */
    private static void addProblemSchemas(Components components) {
        Schema fieldError = OASFactory.createSchema()
                .description("One invalid field or parameter.")
                .addType(SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("Its path in the request: absences[2].minutes, or a parameter's name."))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("What is wrong with it."))
                .addRequired("field").addRequired("message");
        Schema problem = OASFactory.createSchema()
                .description("An RFC 9457 problem detail, the body of every error answer (application/problem+json).")
                .addType(SchemaType.OBJECT)
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .description("Stable per kind of problem: " + Problem.TYPE_PREFIX + "<slug>."))
                .addProperty("title", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("Short summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599))
                        .description("The HTTP status code."))
                .addProperty("detail", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("What went wrong this time, for a human reader."))
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING).format("uri-reference")
                        .description("The request path."))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR))
                        .description("For validation problems: one entry per invalid field."))
                .addRequired("type").addRequired("title").addRequired("status");
        components.addSchema(FIELD_ERROR, fieldError);
        components.addSchema(PROBLEM, problem);
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static String camel(String words) {
        String[] parts = words.trim().split("[^A-Za-z0-9]+");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            b.append(b.length() == 0 ? p.substring(0, 1).toLowerCase(Locale.ROOT) + p.substring(1) : capitalise(p));
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
