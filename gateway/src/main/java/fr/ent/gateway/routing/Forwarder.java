package fr.ent.gateway.routing;

import fr.ent.gateway.observability.RequestIds;
import fr.ent.gateway.problem.Problem;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

import java.util.List;

/**
 * Forwards one request to an instance of a service and its response back, on the event loop that
 * received it: picks an instance (round-robin, skipping open circuits), bounds the wait for the
 * response headers, streams bodies both ways (uploads, downloads, Server-Sent Events) and turns
 * failures into problem details: 502 unreachable, 503 circuit open, 504 too slow, 413 too large.
 *
 * <p>A small response whose length the service declared (at most {@value #WHOLE_BODY_MAX} bytes) is
 * already complete when its headers arrive: it is sent back in one write, headers and body together,
 * instead of one write per piece. Anything else is relayed piece by piece as it comes.
 */
public final class Forwarder {

    /** Declared response lengths up to this are sent back in one write. */
    static final int WHOLE_BODY_MAX = 64 * 1024;

    /** How long the rest of a refused body is read (and dropped) before the connection is closed. */
    private static final long LINGER_MS = 2_000;

    /** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never passed on. */
    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaders.CONNECTION, HttpHeaders.KEEP_ALIVE,
            "Proxy-Connection", "TE", "Trailer", HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE,
            HttpHeaders.PROXY_AUTHENTICATE, HttpHeaders.PROXY_AUTHORIZATION);

    private final Vertx vertx;
    private final UpstreamClients clients;
    private final long connectTimeoutMs;

    Forwarder(Vertx vertx, UpstreamClients clients, long connectTimeoutMs) {
        this.vertx = vertx;
        this.clients = clients;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    /** Sends {@code in} to {@code route} as {@code uri} (path and query at the service). */
    public void forward(HttpServerRequest in, ServiceRoute route, String uri, String requestId) {
        new Call(in, route, requestId).start(uri);
    }

    /** One forwarded request: what is needed until it ends one way or another. */
    private final class Call {
        private final HttpServerRequest in;
        private final ServiceRoute route;
        private final String requestId;
        private Target target;
        private HttpClientRequest out;
        private long timer = -1;
        /** Set once the client has an answer started: the service's, or a problem. */
        private boolean answered;

        Call(HttpServerRequest in, ServiceRoute route, String requestId) {
            this.in = in;
            this.route = route;
            this.requestId = requestId;
        }

        void start(String uri) {
            // Made now, while the request still has its Connection header (keep-alive is read from it).
            in.response().closeHandler(v -> {
                // The client left: the service's answer has nowhere to go.
                cancelTimer();
                abandon();
            });
            boolean hasBody = hasBody(in);
            if (hasBody) {
                in.pause(); // until the service's connection is there to take the body
            }
            target = route.pick(System.nanoTime());
            if (target == null) {
                in.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(route.retryAfterSeconds()));
                answer(Problem.unavailable(route.name()));
                return;
            }
            MultiMap headers = in.headers();
            HOP_BY_HOP.forEach(headers::remove);
            RequestOptions options = target.requestOptions(Math.min(connectTimeoutMs, route.timeoutMs()))
                    .setMethod(in.method())
                    .setURI(uri)
                    .setHeaders(headers);
            timer = vertx.setTimer(route.timeoutMs(), id -> {
                timer = -1;
                target.failed(System.nanoTime());
                answer(Problem.timeout(route.name()));
                abandon();
            });
            clients.current().request(options).onComplete(ar -> {
                if (ar.failed()) {
                    unreachable();
                    return;
                }
                out = ar.result();
                out.exceptionHandler(e -> { }); // failures come through the response future
                if (answered) {
                    abandon();
                    return;
                }
                (hasBody ? out.send(body()) : out.send()).onComplete(response -> {
                    if (response.succeeded()) {
                        relay(response.result());
                    } else {
                        unreachable();
                    }
                });
            });
        }

        /** The request body; without a declared length, counted while it streams. */
        private io.vertx.core.streams.ReadStream<Buffer> body() {
            if (in.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                return in; // checked against the limit before forwarding
            }
            out.setChunked(true);
            return new LimitedBody(in, route.maxBodyBytes(), () -> {
                answer(Problem.tooLarge(route.maxBodyBytes()));
                abandon();
            });
        }

        private void relay(HttpClientResponse response) {
            cancelTimer();
            target.succeeded();
            HttpServerResponse back = in.response();
            if (answered || back.closed()) {
                abandon();
                return;
            }
            answered = true;
            back.setStatusCode(response.statusCode());
            MultiMap headers = back.headers();
            headers.addAll(response.headers()); // not setAll: that would clear the CORS headers set already
            HOP_BY_HOP.forEach(headers::remove);
            headers.set(RequestIds.REQUEST_ID, requestId);
            int status = response.statusCode();
            String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean noBody = in.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
            if (noBody || (length != null && declaredAtMost(length, WHOLE_BODY_MAX))) {
                response.body().onComplete(body -> {
                    if (body.succeeded()) {
                        back.end(body.result());
                    } else {
                        back.reset();
                    }
                });
            } else {
                if (length == null) {
                    back.setChunked(true);
                }
                response.pipeTo(back).onFailure(e -> {
                    back.reset();
                    abandon();
                });
            }
        }

        private void unreachable() {
            cancelTimer();
            if (answered) {
                return;
            }
            target.failed(System.nanoTime());
            answer(Problem.badGateway(route.name()));
        }

        /** Answers the client with a problem, unless an answer has already started. */
        private void answer(Problem problem) {
            if (answered) {
                return;
            }
            answered = true;
            cancelTimer();
            HttpServerResponse response = in.response();
            if (!response.closed()) {
                if (!in.isEnded()) {
                    // The rest of the body is still on the wire (paused, or past a limit). Closing at
                    // once could reset the connection before the client reads this answer: read and
                    // drop the rest for a little while, then close.
                    response.putHeader(HttpHeaders.CONNECTION, "close");
                    response.endHandler(v -> lingerThenClose());
                }
                response.putHeader(RequestIds.REQUEST_ID, requestId);
                problem.send(response, in.path());
            }
        }

        private void lingerThenClose() {
            long closer = vertx.setTimer(LINGER_MS, id -> in.connection().close());
            in.handler(chunk -> { });
            in.endHandler(v -> {
                vertx.cancelTimer(closer);
                in.connection().close();
            });
            in.resume();
        }

        /** Drops the call to the service, if any: its connection is not reused. */
        private void abandon() {
            if (out != null) {
                out.reset();
            }
        }

        private void cancelTimer() {
            if (timer != -1) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean declaredAtMost(String length, int max) {
        try {
            long declared = Long.parseLong(length.trim());
            return declared >= 0 && declared <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
