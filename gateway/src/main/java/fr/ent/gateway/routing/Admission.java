package fr.ent.gateway.routing;

import fr.ent.gateway.GatewayConfig;
import fr.ent.gateway.observability.RequestIds;
import fr.ent.gateway.problem.Problem;
import fr.ent.gateway.ratelimit.RateLimiter;
import fr.ent.gateway.token.Caller;
import fr.ent.gateway.token.InvalidTokenException;
import fr.ent.gateway.token.LastToken;
import fr.ent.gateway.token.TokenVerifier;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Everything decided about a request before it is forwarded: the request id and trace context, which
 * service it goes to, the caller's token, the rate limit, the declared body size. {@code /api/<name>/...}
 * goes to the service with its path unchanged (services expose {@code /api/<name>/...} themselves);
 * {@code /q/openapi/<name>} is that service's OpenAPI document; anything else is the gateway's own
 * (health, metrics, Swagger UI), served by its Quarkus HTTP server.
 */
@Singleton
class Admission {

    private static final String API = "/api/";
    private static final String DOCS = "/q/openapi/";

    private final ServiceRoutes routes;
    private final TokenVerifier tokens;
    private final RateLimiter limiter;
    private final Cors cors;
    private final List<String> publicPaths;

    Admission(ServiceRoutes routes, TokenVerifier tokens, RateLimiter limiter, Cors cors, GatewayConfig config) {
        this.routes = routes;
        this.tokens = tokens;
        this.limiter = limiter;
        this.cors = cors;
        this.publicPaths = config.publicPaths().orElse(List.of());
    }

    /**
     * Sets the exchange's ids and route; returns null if the request may be forwarded, else the
     * problem to answer. {@code peer} is the client's address, for X-Forwarded-For and anonymous limits;
     * {@code lastToken} the last token seen on the client's connection.
     */
    Problem admit(Exchange exchange, String peer, LastToken lastToken) {
        HttpHeaders headers = exchange.request.headers();
        String path = exchange.path;
        boolean api = path.startsWith(API);
        boolean docs = !api && path.startsWith(DOCS) && path.length() > DOCS.length();
        if (!api && !docs) {
            exchange.route = routes.local();
            return null;
        }
        exchange.logged = true;
        exchange.requestId = RequestIds.ensureRequestId(headers);
        exchange.traceparent = RequestIds.ensureTraceparent(headers);
        String forwarded = headers.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwarded == null ? peer : forwarded + ", " + peer);
        exchange.corsOrigin = cors.allowedOrigin(headers);
        if (!safePath(path)) {
            return Problem.badRequest("bad-path", "The path is not acceptable.");
        }
        String name = serviceName(path, api ? API.length() : DOCS.length());
        ServiceRoute route = name.isEmpty() ? null : routes.get(name);
        if (route == null) {
            return Problem.notFound(api ? "No service answers at " + path + "." : "No service is named " + name + ".");
        }
        exchange.route = route;
        if (docs) {
            if (path.indexOf('/', DOCS.length()) >= 0) {
                return Problem.notFound("No document at " + path + ".");
            }
            // /q/openapi/<service>?format=json at the gateway is /q/openapi?format=json at the service.
            String uri = exchange.request.uri();
            exchange.request.setUri("/q/openapi" + uri.substring(path.length()));
            return null;
        }

        String authorization = headers.get(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Problem.unauthorized("Use an OAuth2 bearer token.", false);
            }
            try {
                exchange.caller = tokens.verifyBearer(authorization, lastToken);
            } catch (InvalidTokenException e) {
                return Problem.unauthorized(e.getMessage(), true);
            }
        } else if (!isPublic(path)) {
            return Problem.unauthorized("A bearer token is required.", false);
        }

        if (route.rateLimited()) {
            Problem limited = rateLimit(route, exchange.caller, peer);
            if (limited != null) {
                return limited;
            }
        }
        if (headers.contains(HttpHeaderNames.CONTENT_LENGTH)
                && HttpUtil.getContentLength(exchange.request, Long.MAX_VALUE) > route.maxBodyBytes()) {
            return Problem.tooLarge(route.maxBodyBytes());
        }
        return null;
    }

    /** A CORS preflight to an API path: answered by the gateway, never forwarded. */
    boolean isApiPreflight(Exchange exchange) {
        HttpHeaders headers = exchange.request.headers();
        return exchange.request.method().equals(HttpMethod.OPTIONS)
                && (exchange.path.startsWith(API) || exchange.path.startsWith(DOCS))
                && headers.contains(HttpHeaderNames.ORIGIN)
                && headers.contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    private static String serviceName(String path, int from) {
        int end = path.indexOf('/', from);
        return end < 0 ? path.substring(from) : path.substring(from, end);
    }

    private Problem rateLimit(ServiceRoute route, Caller caller, String peer) {
        String key;
        RateLimiter.Limit limit;
        if (caller.personId() != null) {
            key = route.name() + "|u|" + caller.personId();
            limit = route.userLimit();
        } else if (caller.clientId() != null) {
            key = route.name() + "|c|" + caller.clientId();
            limit = route.clientLimit();
        } else {
            key = route.name() + "|ip|" + peer;
            limit = route.ipLimit();
        }
        long retryAfter = limiter.acquire(key, limit);
        return retryAfter == 0 ? null : Problem.tooManyRequests(retryAfter);
    }

    private boolean isPublic(String path) {
        for (String prefix : publicPaths) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dot segments and encoded separators could make a service see another path than the one the
     * gateway checked (public prefixes): refuse them.
     */
    static boolean safePath(String path) {
        if (path.contains("/./") || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")
                || path.indexOf('\\') >= 0) {
            return false;
        }
        int percent = path.indexOf('%');
        if (percent < 0) {
            return true;
        }
        String lower = path.toLowerCase();
        return !lower.contains("%2e") && !lower.contains("%2f") && !lower.contains("%5c") && !lower.contains("%00");
    }
}
