package fr.ent.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * RFC 9457 problem details written at Vert.x level (the gateway has no JAX-RS layer).
 * Same shape and type URIs as libs/web: {@code https://ent.example/problems/<slug>}.
 */
public record Problem(int status, String slug, String title, String detail) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://ent.example/problems/";

    public static Problem unauthorized(String detail) {
        return new Problem(401, "unauthorized", "Authentication required", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem badRequest(String slug, String detail) {
        return new Problem(400, slug, "Bad request", detail);
    }

    public static Problem tooLarge(long max) {
        return new Problem(413, "payload-too-large", "Request body too large",
                "The request body exceeds " + max + " bytes.");
    }

    public static Problem tooManyRequests(long retryAfterSeconds) {
        return new Problem(429, "too-many-requests", "Too many requests",
                "Rate limit reached; retry in " + retryAfterSeconds + " s.");
    }

    public static Problem badGateway(String service) {
        return new Problem(502, "upstream-unavailable", "Bad gateway",
                "The " + service + " service could not be reached.");
    }

    public static Problem unavailable(String service) {
        return new Problem(503, "service-unavailable", "Service unavailable",
                "The " + service + " service is failing; calls are suspended for a short while.");
    }

    public static Problem timeout(String service) {
        return new Problem(504, "upstream-timeout", "Gateway timeout",
                "The " + service + " service did not answer in time.");
    }

    public Buffer toBuffer(String instance) {
        JsonObject json = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        return json.toBuffer();
    }

    /** Ends the response with this problem, unless something was already sent. */
    public void send(HttpServerResponse response, String instance) {
        if (response.headWritten() || response.ended()) {
            response.reset();
            return;
        }
        Buffer body = toBuffer(instance);
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Content-Length", String.valueOf(body.length()))
                .end(body);
    }
}
