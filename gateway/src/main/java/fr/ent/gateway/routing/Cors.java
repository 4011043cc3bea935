package fr.ent.gateway.routing;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CORS for the API paths, with Quarkus's own settings ({@code quarkus.http.cors.*}), which also
 * cover the gateway's own pages: preflights are answered here, never forwarded; an actual call from
 * an allowed origin gets the CORS headers beside the service's own. A call from another origin is
 * not refused (only browsers enforce CORS): it simply gets no CORS headers.
 */
@Singleton
class Cors {

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String methods;
    private final String headers;
    private final String exposedHeaders;
    private final String maxAgeSeconds;
    private final boolean credentials;

    Cors(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
         @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
         @ConfigProperty(name = "quarkus.http.cors.methods") Optional<List<String>> methods,
         @ConfigProperty(name = "quarkus.http.cors.headers") Optional<List<String>> headers,
         @ConfigProperty(name = "quarkus.http.cors.exposed-headers") Optional<List<String>> exposedHeaders,
         @ConfigProperty(name = "quarkus.http.cors.access-control-max-age") Optional<Duration> maxAge,
         @ConfigProperty(name = "quarkus.http.cors.access-control-allow-credentials") Optional<Boolean> credentials) {
        List<String> allowed = enabled ? origins.orElse(List.of()) : List.of();
        this.anyOrigin = allowed.contains("*");
        this.origins = Set.copyOf(allowed);
        this.methods = String.join(",", methods.orElse(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")));
        this.headers = String.join(",", headers.orElse(List.of()));
        this.exposedHeaders = String.join(",", exposedHeaders.orElse(List.of()));
        this.maxAgeSeconds = maxAge.map(d -> String.valueOf(d.toSeconds())).orElse(null);
        // As Quarkus: credentials are allowed when origins are named, not with "*".
        this.credentials = credentials.orElse(!anyOrigin && !allowed.isEmpty());
    }

    /** The request's Origin if it is allowed, else null. */
    String allowedOrigin(HttpHeaders request) {
        String origin = request.get(HttpHeaderNames.ORIGIN);
        return origin != null && (anyOrigin || origins.contains(origin)) ? origin : null;
    }

    /** Adds the CORS headers of an actual call from {@code origin} to the answer's headers. */
    void decorate(HttpHeaders response, String origin) {
        response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        if (credentials) {
            response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (!exposedHeaders.isEmpty()) {
            response.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders);
        }
    }

    /** The answer to a preflight: 200 with the allowed methods and headers, or 403 for another origin. */
    FullHttpResponse preflight(HttpRequest request) {
        String origin = allowedOrigin(request.headers());
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
                origin == null ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.OK);
        HttpHeaders out = response.headers();
        out.set(HttpHeaderNames.CONTENT_LENGTH, 0);
        out.set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
        if (origin != null) {
            decorate(out, origin);
            out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, methods);
            String asked = request.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
            if (asked != null) {
                out.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers.isEmpty() ? asked : headers);
            }
            if (maxAgeSeconds != null) {
                out.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, maxAgeSeconds);
            }
        }
        return response;
    }
}
