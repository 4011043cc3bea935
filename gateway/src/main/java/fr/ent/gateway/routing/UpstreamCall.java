package fr.ent.gateway.routing;

import fr.ent.gateway.observability.RequestIds;
import fr.ent.gateway.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import java.util.concurrent.TimeoutException;

/**
 * The call to one service for one request: picks an instance (round-robin, skipping open circuits),
 * bounds the time to the response headers, caps chunked bodies, and turns failures into problem
 * details (502 unreachable, 503 circuit open, 504 too slow, 413 body too large).
 */
final class UpstreamCall implements ProxyInterceptor, OriginRequestProvider {

    private enum Failure { CIRCUIT_OPEN, TIMED_OUT, TOO_LARGE }

    private static final String TARGET = "ent.target";
    private static final String CLIENT_REQUEST = "ent.clientRequest";
    private static final String FAILURE = "ent.failure";
    private static final TimeoutException TIMEOUT = new TimeoutException("upstream timeout");
    private static final Exception CIRCUIT_OPEN = new IllegalStateException("circuit open");

    private final Vertx vertx;
    private final ServiceRoute route;
    private final long connectTimeoutMs;
    private final UpstreamClients clients;

    UpstreamCall(Vertx vertx, ServiceRoute route, long connectTimeoutMs, UpstreamClients clients) {
        this.vertx = vertx;
        this.route = route;
        this.connectTimeoutMs = connectTimeoutMs;
        this.clients = clients;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext ctx) {
        Target target = route.pick(System.nanoTime());
        if (target == null) {
            ctx.set(FAILURE, Failure.CIRCUIT_OPEN);
            return Future.failedFuture(CIRCUIT_OPEN);
        }
        ctx.set(TARGET, target);
        return clients.current().request(target.requestOptions(connectTimeoutMs))
                .onSuccess(request -> {
                    ctx.set(CLIENT_REQUEST, request);
                    // Failures surface through the response future; no second report in the log.
                    request.exceptionHandler(e -> { });
                });
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        ProxyRequest request = ctx.request();
        Body body = request.getBody();
        if (body != null && body.length() < 0 && request.getMethod() != HttpMethod.GET) {
            request.setBody(Body.body(new LimitedBody(body.stream(), route.maxBodyBytes(), () -> {
                ctx.set(FAILURE, Failure.TOO_LARGE);
                abort(ctx);
            }), -1));
        }
        Promise<ProxyResponse> result = Promise.promise();
        long timer = vertx.setTimer(route.timeoutMs(), id -> {
            if (ctx.request().proxiedRequest().response().closed()) {
                return;
            }
            ctx.set(FAILURE, Failure.TIMED_OUT);
            failed(ctx);
            result.tryComplete(problem(ctx, Problem.timeout(route.name())));
            abort(ctx);
        });
        ctx.sendRequest().onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                Target target = ctx.get(TARGET, Target.class);
                if (target != null) {
                    target.succeeded();
                }
                result.tryComplete(ar.result());
            } else if (ctx.request().proxiedRequest().response().closed()) {
                // The client went away (and the proxy cancelled the call): not the service's fault.
                result.tryFail(ar.cause());
            } else if (!result.future().isComplete()) {
                result.complete(problem(ctx, problemFor(ctx)));
            }
        });
        return result.future();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        String requestId = ctx.request().headers().get(RequestIds.REQUEST_ID);
        if (requestId != null) {
            ctx.response().putHeader(RequestIds.REQUEST_ID, requestId);
        }
        return ctx.sendResponse();
    }

    private Problem problemFor(ProxyContext ctx) {
        Failure failure = ctx.get(FAILURE, Failure.class);
        if (failure == Failure.CIRCUIT_OPEN) {
            return Problem.unavailable(route.name());
        }
        if (failure == Failure.TIMED_OUT) {
            return Problem.timeout(route.name());
        }
        if (failure == Failure.TOO_LARGE) {
            return Problem.tooLarge(route.maxBodyBytes());
        }
        failed(ctx);
        return Problem.badGateway(route.name());
    }

    private static void failed(ProxyContext ctx) {
        Target target = ctx.get(TARGET, Target.class);
        if (target != null) {
            target.failed(System.nanoTime());
        }
    }

    private static void abort(ProxyContext ctx) {
        HttpClientRequest request = ctx.get(CLIENT_REQUEST, HttpClientRequest.class);
        if (request != null) {
            request.reset(0, TIMEOUT);
        }
    }

    private ProxyResponse problem(ProxyContext ctx, Problem problem) {
        String requestId = ctx.request().headers().get(RequestIds.REQUEST_ID);
        String path = ctx.request().proxiedRequest().path();
        ProxyResponse response = ctx.request().release().response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.CONTENT_TYPE)
                .setBody(Body.body(problem.toBuffer(path)));
        if (requestId != null) {
            response.putHeader(RequestIds.REQUEST_ID, requestId);
        }
        if (problem.status() == 503) {
            response.putHeader("Retry-After", String.valueOf(route.retryAfterSeconds()));
        }
        if (problem.status() == 413) {
            // The rest of the body is still on the wire: do not reuse this connection.
            response.putHeader("Connection", "close");
        }
        return response;
    }
}
