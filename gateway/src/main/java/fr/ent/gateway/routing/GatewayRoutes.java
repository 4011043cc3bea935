package fr.ent.gateway.routing;

import fr.ent.gateway.GatewayConfig;
import fr.ent.gateway.observability.AccessLog;
import fr.ent.gateway.observability.GatewayMetrics;
import fr.ent.gateway.observability.RequestIds;
import fr.ent.gateway.problem.Problem;
import fr.ent.gateway.ratelimit.RateLimiter;
import fr.ent.gateway.token.Caller;
import fr.ent.gateway.token.InvalidTokenException;
import fr.ent.gateway.token.TokenVerifier;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The front door, on Quarkus's Vert.x router, all on the event loop:
 * {@code /api/<service>/...} is forwarded with its path unchanged (services expose
 * {@code /api/<service>/...} themselves, so a path is the same direct and through the gateway),
 * after the request id, trace context, token and rate limit are dealt with.
 * {@code /q/openapi/<service>} serves each service's OpenAPI document.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final String API = "/api/";

    private final ServiceRoutes routes;
    private final TokenVerifier tokens;
    private final RateLimiter limiter;
    private final List<String> publicPaths;
    private final GatewayMetrics metrics;
    private final AccessLog accessLog;

    GatewayRoutes(ServiceRoutes routes, TokenVerifier tokens, RateLimiter limiter, GatewayConfig config,
                  GatewayMetrics metrics, AccessLog accessLog) {
        this.routes = routes;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.tokens = tokens;
        this.limiter = limiter;
        this.publicPaths = config.publicPaths().orElse(List.of());
    }

    void mount(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::api);
        router.get("/q/openapi/:service").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::docs);
    }

    /** Per-request facts needed again when the response ends (access log). */
    private static final class Exchange {
        final long start = System.nanoTime();
        String requestId;
        String traceparent;
        String service;
        Caller caller = Caller.ANONYMOUS;
    }

    private Exchange begin(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        MultiMap headers = request.headers();
        Exchange exchange = new Exchange();
        exchange.requestId = RequestIds.ensureRequestId(headers);
        exchange.traceparent = RequestIds.ensureTraceparent(headers);
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (peer != null) {
            String forwarded = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", forwarded == null ? peer : forwarded + ", " + peer);
        }
        boolean log = accessLog.enabled();
        String method = log ? request.method().name() : null;
        String path = log ? request.path() : null;
        rc.addEndHandler(ar -> {
            int status = rc.response().getStatusCode();
            if (exchange.service != null) {
                metrics.record(exchange.service, status, exchange.start);
            }
            if (log) {
                accessLog.log(exchange.requestId, exchange.traceparent, exchange.caller.logId(), method, path,
                        status, exchange.start);
            }
        });
        return exchange;
    }

    private void api(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Exchange exchange = begin(rc);
        String path = request.path();
        if (!safePath(path)) {
            reject(rc, exchange, Problem.badRequest("bad-path", "The path is not acceptable."));
            return;
        }
        int end = path.indexOf('/', API.length());
        String name = end < 0 ? path.substring(Math.min(path.length(), API.length())) : path.substring(API.length(), end);
        ServiceRoute route = name.isEmpty() ? null : routes.get(name);
        if (route == null) {
            reject(rc, exchange, Problem.notFound("No service answers at " + path + "."));
            return;
        }
        exchange.service = route.name();

        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                unauthorized(rc, exchange, "Use an OAuth2 bearer token.", false);
                return;
            }
            try {
                exchange.caller = tokens.verify(authorization.substring(7).trim());
            } catch (InvalidTokenException e) {
                unauthorized(rc, exchange, e.getMessage(), true);
                return;
            }
        } else if (!isPublic(path) && !isPreflight(request)) {
            unauthorized(rc, exchange, "A bearer token is required.", false);
            return;
        }

        if (route.rateLimited() && !limited(rc, exchange, route, request)) {
            return;
        }

        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && tooLarge(contentLength, route.maxBodyBytes())) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            reject(rc, exchange, Problem.tooLarge(route.maxBodyBytes()));
            return;
        }
        routes.forwarder().forward(request, route, request.uri(), exchange.requestId);
    }

    private void docs(RoutingContext rc) {
        Exchange exchange = begin(rc);
        ServiceRoute route = routes.get(rc.pathParam("service"));
        if (route == null) {
            reject(rc, exchange, Problem.notFound("No service is named " + rc.pathParam("service") + "."));
            return;
        }
        // /q/openapi/<service>?format=json at the gateway is /q/openapi?format=json at the service.
        String query = rc.request().query();
        routes.forwarder().forward(rc.request(), route, query == null ? "/q/openapi" : "/q/openapi?" + query,
                exchange.requestId);
    }

    /** Returns true if the call may go on; else answers 429 with Retry-After. */
    private boolean limited(RoutingContext rc, Exchange exchange, ServiceRoute route, HttpServerRequest request) {
        Caller caller = exchange.caller;
        String key;
        RateLimiter.Limit limit;
        if (caller.personId() != null) {
            key = route.name() + "|u|" + caller.personId();
            limit = route.userLimit();
        } else if (caller.clientId() != null) {
            key = route.name() + "|c|" + caller.clientId();
            limit = route.clientLimit();
        } else {
            String ip = request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
            key = route.name() + "|ip|" + ip;
            limit = route.ipLimit();
        }
        long retryAfter = limiter.acquire(key, limit);
        if (retryAfter == 0) {
            return true;
        }
        rc.response().putHeader("Retry-After", String.valueOf(retryAfter));
        reject(rc, exchange, Problem.tooManyRequests(retryAfter));
        return false;
    }

    private boolean isPublic(String path) {
        for (String prefix : publicPaths) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS
                && request.headers().contains(HttpHeaders.ORIGIN)
                && request.headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
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

    private static boolean tooLarge(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void unauthorized(RoutingContext rc, Exchange exchange, String detail, boolean invalid) {
        rc.response().putHeader("WWW-Authenticate",
                invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
        reject(rc, exchange, Problem.unauthorized(detail));
    }

    private static void reject(RoutingContext rc, Exchange exchange, Problem problem) {
        HttpServerResponse response = rc.response();
        response.putHeader(RequestIds.REQUEST_ID, exchange.requestId);
        problem.send(response, rc.request().path());
    }
}
