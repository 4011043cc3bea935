package fr.ent.gateway.problem;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * RFC 9457 problem details answered by the gateway itself (it has no JAX-RS layer). Same shape and
 * type URIs as libs/web: {@code https://ent.example/problems/<slug>}. {@code headers} go with the
 * answer ({@code WWW-Authenticate}, {@code Retry-After}).
 */
public record Problem(int status, String slug, String title, String detail, Map<String, String> headers) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ent.example/problems/";

    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    public static Problem unauthorized(String detail, boolean invalidToken) {
        return new Problem(401, "unauthorized", "Authentication required", detail,
                Map.of("WWW-Authenticate", invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer"));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem badRequest(String slug, String detail) {
        return new Problem(400, slug, "Bad request", detail);
    }

    public static Problem forbidden(String slug, String detail) {
        return new Problem(403, slug, "Forbidden", detail);
    }

    public static Problem tooLarge(long max) {
        return new Problem(413, "payload-too-large", "Request body too large",
                "The request body exceeds " + max + " bytes.");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(429, "too-many-requests", "Too many requests",
                "Rate limit reached; retry in " + retryAfterSeconds + " s.",
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public static Problem badGateway(String service) {
        return new Problem(502, "upstream-unavailable", "Bad gateway",
                "The " + service + " service could not be reached.");
    }

    public static Problem unavailable(String service, long retryAfterSeconds) {
        return new Problem(503, "service-unavailable", "Service unavailable",
                "The " + service + " service is failing; calls are suspended for a short while.",
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** This gateway instance already holds as many event streams as it may (gateway.streams.max). */
    public static Problem tooManyStreams(long retryAfterSeconds) {
        return new Problem(503, "too-many-streams", "Service unavailable",
                "This gateway holds as many event streams as it may; retry in " + retryAfterSeconds + " s.",
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public static Problem timeout(String service) {
        return new Problem(504, "upstream-timeout", "Gateway timeout",
                "The " + service + " service did not answer in time.");
    }

    public byte[] toJson(String instance) {
        JsonObject json = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        return json.toBuffer().getBytes();
    }

    /** The whole answer, with a length (the connection can be kept). */
    public FullHttpResponse toResponse(String instance) {
        byte[] body = toJson(instance);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.forEach(response.headers()::set);
        return response;
    }
}
