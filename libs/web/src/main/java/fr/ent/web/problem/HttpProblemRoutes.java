package fr.ent.web.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;

/**
 * Problem details for what Vert.x answers before Quarkus REST sees the request: a body over
 * {@code quarkus.http.limits.max-body-size} (Quarkus would send an empty 413; a streamed body is
 * counted while it is read, never buffered: see {@link StreamedBodyLimit}), a path no route
 * serves (an HTML page otherwise), a token rejected by proactive authentication (an empty 401),
 * and any failure of a plain Vert.x route.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);

    /** Where a streamed body's limit waits for {@link StreamedBodyLimit}. */
    static final String STREAMED_LIMIT_KEY = "ent.streamed-body-limit";

    static final String INVALID_TOKEN = "The bearer token is invalid or expired.";
    static final String NOT_ALLOWED = "Your roles do not allow this action.";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(limit -> {
            router.route()
                    // Just before Quarkus's own check, which would answer an empty 413.
                    .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                    .handler(ctx -> rejectLargeBody(ctx, limit.asLongValue()));
            router.route()
                    // Just after it: Quarkus gave a streamed body's readers its limit, with which
                    // they answer an empty 413 themselves; ours (StreamedBodyLimit) answers a problem.
                    .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1)
                    .handler(HttpProblemRoutes::limitStreamedBody);
        });
        router.route().order(Integer.MAX_VALUE).handler(HttpProblemRoutes::notFound);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
    }

    /**
     * A body with a Content-Length over the limit is refused before a byte is read. A streamed body
     * (chunked: no length known, what the gateway forwards when its client streams) is left to flow
     * and counted as it is read ({@link StreamedBodyLimit}); past the limit the read fails and
     * {@link ProblemMappers} answers 413 and closes the connection. Nothing here buffers the body (it
     * once did, which also dropped the files of a multipart form).
     */
    private static void rejectLargeBody(RoutingContext ctx, long limit) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            ctx.put(STREAMED_LIMIT_KEY, limit);
        } else {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                send(ctx, ProblemJson.of(400, "Invalid Content-Length header.", ctx.request().path()), true);
                return;
            }
            if (declared > limit) {
                // The body is not read: close the connection once answered, as Quarkus does.
                send(ctx, ProblemJson.of(413, "The request body (" + declared + " bytes) exceeds the limit of "
                        + limit + " bytes.", ctx.request().path()), true);
                return;
            }
        }
        ctx.next();
    }

    /** The 413 of a streamed body, once its reading stopped past the limit; the connection is closed after it. */
    static Problem bodyTooLarge(HttpServerRequest request) {
        Optional<MemorySize> limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class);
        if (!request.response().headWritten()) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
            // bodyEndHandler: Quarkus REST keeps endHandler for itself
            request.response().bodyEndHandler(done -> request.connection().close());
        }
        return ProblemJson.of(413, limit.map(l -> "The request body exceeds the limit of " + l.asLongValue() + " bytes.")
                .orElse("The request body is too large."), request.path());
    }

    private static void limitStreamedBody(RoutingContext ctx) {
        if (ctx.get(STREAMED_LIMIT_KEY) != null) {
            ctx.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
        }
        ctx.next();
    }

    private static void notFound(RoutingContext ctx) {
        send(ctx, ProblemJson.of(404, "Nothing here: " + ctx.request().path() + ".", ctx.request().path()), false);
    }

    private void failure(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (ProblemMappers.clientHungUp(ctx.failure())) {
            // Nobody is left to answer; Quarkus's error handler would log it as an error.
            LOG.debugf("The client closed the connection during %s %s", ctx.request().method(), ctx.request().path());
            return;
        }
        if (response.ended() || response.headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        String path = ctx.request().path();
        if (is(failure, StreamedBodyLimit.TooLarge.class)) {
            send(ctx, bodyTooLarge(ctx.request()), true);
        } else if (is(failure, AuthenticationFailedException.class) || is(failure, AuthenticationCompletionException.class)) {
            response.putHeader("WWW-Authenticate", ProblemMappers.BEARER_CHALLENGE);
            send(ctx, ProblemJson.of(401, INVALID_TOKEN, path), false);
        } else if (is(failure, UnauthorizedException.class)) {
            response.putHeader("WWW-Authenticate", ProblemMappers.BEARER_CHALLENGE);
            send(ctx, ProblemJson.of(401, "A valid bearer token is required.", path), false);
        } else if (is(failure, ForbiddenException.class)) {
            send(ctx, ProblemJson.of(403, NOT_ALLOWED, path), false);
        } else {
            int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
            if (status < 400 || status >= 500) {
                String reference = UUID.randomUUID().toString();
                LOG.errorf(failure, "Unexpected error %s on %s %s (status %d)", reference, ctx.request().method(), path, status);
                send(ctx, ProblemJson.of(500, "An unexpected error occurred. Reference: " + reference + ".", path), false);
            } else {
                String detail = switch (status) {
                    case 404 -> "Nothing here: " + path + ".";
                    case 405 -> "Method " + ctx.request().method() + " is not allowed on " + path + ".";
                    case 413 -> maxBodySize.map(limit -> "The request body exceeds the limit of " + limit.asLongValue() + " bytes.")
                            .orElse("The request body is too large.");
                    default -> ProblemJson.of(status, null, null).title() + ".";
                };
                send(ctx, ProblemJson.of(status, detail, path), status == 413);
            }
        }
    }

    /** Whether {@code failure} or one of its causes is a {@code type}. */
    static boolean is(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void send(RoutingContext ctx, Problem problem, boolean closeAfter) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (closeAfter) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(done -> ctx.request().connection().close());
        }
        response.end(ProblemJson.write(problem));
    }
}
