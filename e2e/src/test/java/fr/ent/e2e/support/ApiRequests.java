package fr.ent.e2e.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a documented operation and its bindings into a request: the path template filled, the
 * query string (bound parameters and required ones), and a body. Paths and query strings come out
 * percent-encoded; callers of the bad-input suite put raw encoded values in on purpose.
 */
public final class ApiRequests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");
    private static final String BOUNDARY = "e2e-generated-boundary";

    /** A request ready to send (path and query already encoded). */
    public record Request(String method, String pathAndQuery, String contentType, byte[] body) {

        public RawHttp.Answer send(String authorization) {
            return RawHttp.send(method, pathAndQuery, authorization == null || authorization.isEmpty() ? null : authorization,
                    contentType, body);
        }

        public String describe() {
            return method + " " + pathAndQuery;
        }
    }

    private ApiRequests() {
    }

    /** Path parameter values: bound, else a fresh random UUID (and its name in {@code unbound}). */
    public static Map<String, String> pathValues(ApiDocuments.Operation op, SampleBodies.Bindings bindings, List<String> unbound) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(op.path());
        while (m.find()) {
            String name = m.group(1);
            String v = bindings.valueOf(name);
            if (v == null) {
                v = UUID.randomUUID().toString();
                if (unbound != null) {
                    unbound.add(name);
                }
            }
            values.put(name, v);
        }
        return values;
    }

    /** The path with each {name} replaced by its value, taken as already encoded. */
    public static String fill(String template, Map<String, String> encodedValues) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(encodedValues.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Query parameters: the bound ones, and the required ones with a generated value. Values not encoded. */
    public static Map<String, String> queryValues(ApiDocuments.Operation op, SampleBodies.Bindings bindings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ApiDocuments.Parameter p : op.in("query")) {
            String v = bindings.row().containsKey(p.name()) ? bindings.valueOf(p.name()) : null;
            if (v == null && p.required()) {
                JsonNode generated = SampleBodies.value(op, p.name(), p.schema(), bindings, 0);
                v = generated.isArray() ? (generated.size() > 0 ? generated.get(0).asText() : "") : generated.asText();
            }
            if (v != null) {
                values.put(p.name(), v);
            }
        }
        return values;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?a=1&b=2} from values to encode, plus pieces already encoded; empty when there is none. */
    public static String queryString(Map<String, String> values, Map<String, String> rawEncoded) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> {
            if (!rawEncoded.containsKey(k)) {
                parts.add(encode(k) + "=" + encode(v));
            }
        });
        rawEncoded.forEach((k, v) -> parts.add(encode(k) + "=" + v));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** The plausible request of an operation (a generated body, see {@link SampleBodies}). */
    public static Request plausible(ApiDocuments.Operation op, SampleBodies.Bindings bindings, List<String> unbound) {
        Map<String, String> path = new LinkedHashMap<>();
        pathValues(op, bindings, unbound).forEach((k, v) -> path.put(k, encode(v)));
        String pathAndQuery = fill(op.path(), path) + queryString(queryValues(op, bindings), Map.of());
        return withBody(op, pathAndQuery, SampleBodies.of(op, bindings));
    }

    /** The same request with this JSON body (or a multipart form for a multipart operation). */
    public static Request withBody(ApiDocuments.Operation op, String pathAndQuery, JsonNode body) {
        if (!op.hasBody()) {
            return new Request(op.method(), pathAndQuery, null, null);
        }
        if (op.bodyType().startsWith("multipart/")) {
            return new Request(op.method(), pathAndQuery, "multipart/form-data; boundary=" + BOUNDARY, multipart());
        }
        try {
            return new Request(op.method(), pathAndQuery, op.bodyType(), SampleBodies.json().writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same request with these exact body bytes. */
    public static Request withRawBody(ApiDocuments.Operation op, String pathAndQuery, String contentType, byte[] body) {
        return new Request(op.method(), pathAndQuery, contentType, body);
    }

    /** A form with one empty CSV part ("classes": its header line only). */
    private static byte[] multipart() {
        String form = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"classes\"; filename=\"classes.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "code;name;level\r\n"
                + "--" + BOUNDARY + "--\r\n";
        return form.getBytes(StandardCharsets.UTF_8);
    }
}
