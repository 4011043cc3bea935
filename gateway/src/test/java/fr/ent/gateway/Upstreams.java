package fr.ent.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real HTTP servers on free ports, started before the gateway: the realm's JWKS endpoint and two
 * instances of a small service that echoes what it receives, streams, emits Server-Sent Events on
 * demand and can be slow. Routes: echo (both instances, 1 MiB bodies), files (big bodies), slow
 * (500 ms timeout), uploads (500 ms timeout), dead (nothing listens), limited (tiny rate limits), attendance and loose (a
 * service refusing bodies over 3 MiB by closing the connection), flaky (each kept-alive connection
 * answers once, then is closed under the next request). A path ending in /broken gets an answer cut
 * short, /missing a 404, /last an answer saying Connection: close, then the connection closed.
 */
public class Upstreams implements QuarkusTestResourceLifecycleManager {

    static final int CHUNK = 64 * 1024;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        RsaJsonWebKey key = TestRealm.create();
        String jwks = new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        int realm = listen(req -> req.response().putHeader("Content-Type", "application/json").end(jwks));
        int first = listen(new Instance("first"));
        int second = listen(new Instance("second"));
        int closed = freePort();
        int capped = listen(this::capped);
        int flaky = listen(this::flaky);

        Map<String, String> config = new HashMap<>();
        config.put("gateway.token.jwks-location", "http://127.0.0.1:" + realm + "/realms/ent/protocol/openid-connect/certs");
        config.put("gateway.token.issuer", TestRealm.ISSUER);
        config.put("gateway.token.audience", TestRealm.AUDIENCE);
        config.put("gateway.portal.connect-sources", "http://127.0.0.1:9000/, http://127.0.0.1:9000");
        config.put("gateway.public-paths", "/api/echo/public/,/api/limited/public/");
        config.put("gateway.routes.echo.targets", "http://127.0.0.1:" + first + ",http://127.0.0.1:" + second);
        config.put("gateway.routes.echo.max-body-size", "1M");
        config.put("gateway.routes.files.targets", "http://127.0.0.1:" + first);
        config.put("gateway.routes.files.max-body-size", "200M");
        config.put("gateway.routes.files.timeout", "5s");
        config.put("gateway.routes.slow.targets", "http://127.0.0.1:" + first);
        config.put("gateway.routes.slow.timeout", "500ms");
        config.put("gateway.routes.uploads.targets", "http://127.0.0.1:" + first);
        config.put("gateway.routes.uploads.timeout", "500ms");
        config.put("gateway.routes.dead.targets", "http://127.0.0.1:" + closed);
        config.put("gateway.routes.limited.targets", "http://127.0.0.1:" + first);
        config.put("gateway.routes.limited.rate-limit.user-per-second", "0.2");
        config.put("gateway.routes.limited.rate-limit.user-burst", "3");
        config.put("gateway.routes.limited.rate-limit.client-per-second", "0.2");
        config.put("gateway.routes.limited.rate-limit.client-burst", "2");
        config.put("gateway.routes.limited.rate-limit.ip-per-second", "0.2");
        config.put("gateway.routes.limited.rate-limit.ip-burst", "1");
        // attendance keeps its shipped limit (application.properties) in front of a service that
        // refuses bodies over attendance-service's own limit; loose is a route left above it.
        config.put("gateway.routes.attendance.targets", "http://127.0.0.1:" + capped);
        config.put("gateway.routes.loose.targets", "http://127.0.0.1:" + capped);
        config.put("gateway.routes.loose.max-body-size", "200M");
        config.put("gateway.routes.flaky.targets", "http://127.0.0.1:" + flaky);
        config.put("gateway.upstream.breaker-failures", "3");
        // Small, so that a test can fill the pool and see calls wait for a connection.
        config.put("gateway.upstream.max-connections-per-target", "3");
        config.put("gateway.upstream.breaker-open", "30s");
        config.put("quarkus.http.cors.origins", "https://app.ent.example");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Connections opened to the "first" instance so far (the gateway's pool should reuse them). */
    static final AtomicLong FIRST_CONNECTIONS = new AtomicLong();

    /** attendance-service's quarkus.http.limits.max-body-size. */
    static final long CAPPED_LIMIT = 3 * 1024 * 1024;
    /** Requests whose headers reached the capped service. */
    static final AtomicLong CAPPED_REQUESTS = new AtomicLong();
    /** Requests the capped service received whole (body included). */
    static final AtomicLong CAPPED_COMPLETE = new AtomicLong();

    /**
     * A service with a body limit, refusing like Quarkus does: 413 and the connection closed at once,
     * while the client may still be sending (its unread bytes then make the connection reset).
     */
    private void capped(HttpServerRequest req) {
        CAPPED_REQUESTS.incrementAndGet();
        boolean[] refused = {false};
        Runnable refuse = () -> {
            if (!refused[0]) {
                refused[0] = true;
                req.response().setStatusCode(413).putHeader("Connection", "close").end("Request Entity Too Large")
                        .onComplete(v -> req.connection().close());
            }
        };
        String length = req.getHeader("Content-Length");
        if (length != null && Long.parseLong(length) > CAPPED_LIMIT) {
            refuse.run();
            return;
        }
        long[] size = {0};
        req.exceptionHandler(e -> { }); // a request cut off by the gateway
        req.handler(chunk -> {
            size[0] += chunk.length();
            if (size[0] > CAPPED_LIMIT) {
                refuse.run();
            }
        });
        req.endHandler(v -> {
            if (!refused[0]) {
                CAPPED_COMPLETE.incrementAndGet();
                req.response().putHeader("Content-Type", "application/json").putHeader("X-Upstream", "capped")
                        .end(new JsonObject().put("bodySize", size[0]).encode());
            }
        });
    }

    /** Requests the flaky service dropped by closing their connection. */
    static final AtomicLong FLAKY_DROPPED = new AtomicLong();
    private final Map<io.vertx.core.http.HttpConnection, Boolean> flakyUsed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A service whose kept-alive connections do not last: each answers one request, then is closed
     * when the next one comes, unanswered, as when a service's idle timeout (or a restart) closes a
     * connection just as the gateway reuses it.
     */
    private void flaky(HttpServerRequest req) {
        io.vertx.core.http.HttpConnection connection = req.connection();
        if (flakyUsed.putIfAbsent(connection, true) != null) {
            FLAKY_DROPPED.incrementAndGet();
            flakyUsed.remove(connection);
            connection.close();
            return;
        }
        req.body().onSuccess(body -> req.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("method", req.method().name()).put("bodySize", body.length()).encode()));
    }

    private int listen(io.vertx.core.Handler<HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer().requestHandler(handler);
        if (handler instanceof Instance instance && instance.name.equals("first")) {
            server.connectionHandler(connection -> FIRST_CONNECTIONS.incrementAndGet());
        }
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One instance of the test service. Paths are the gateway's, forwarded unchanged. */
    private final class Instance implements io.vertx.core.Handler<HttpServerRequest> {

        private final String name;
        private final AtomicLong uploaded = new AtomicLong();
        private final java.util.concurrent.atomic.AtomicBoolean eventsClosed = new java.util.concurrent.atomic.AtomicBoolean();
        private HttpServerResponse openEvents;
        private final java.util.Set<HttpServerResponse> hub = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private HttpServerResponse openDownload;
        private long downloadRest;

        Instance(String name) {
            this.name = name;
        }

        @Override
        public void handle(HttpServerRequest req) {
            String path = req.path();
            if (path.endsWith("/slow")) {
                vertx.setTimer(3_000, id -> echo(req, 0));
            } else if (path.endsWith("/events")) {
                eventsClosed.set(false);
                openEvents = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                openEvents.closeHandler(v -> eventsClosed.set(true));
                openEvents.write("data: one\n\n");
            } else if (path.endsWith("/hub")) {
                // Many listeners at once (StreamsTest): each gets what /hub/send sends.
                HttpServerResponse listener = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                hub.add(listener);
                listener.closeHandler(v -> hub.remove(listener));
                listener.write(": ping\n\ndata: hello\n\n");
            } else if (path.endsWith("/hub/send")) {
                String data = req.getParam("data");
                hub.forEach(listener -> listener.write("data: " + data + "\n\n"));
                req.response().end(String.valueOf(hub.size()));
            } else if (path.endsWith("/events/closed")) {
                req.response().end(String.valueOf(eventsClosed.get()));
            } else if (path.endsWith("/events/next")) {
                openEvents.end("data: two\n\n");
                req.response().end("sent");
            } else if (path.endsWith("/download")) {
                long size = Long.parseLong(req.getParam("size"));
                openDownload = req.response().setChunked(false).putHeader("Content-Length", String.valueOf(size))
                        .putHeader("Content-Type", "application/octet-stream");
                openDownload.write(Buffer.buffer(new byte[CHUNK]));
                downloadRest = size - CHUNK;
            } else if (path.endsWith("/download/next")) {
                pump(openDownload, downloadRest);
                req.response().end("sent");
            } else if (path.endsWith("/big")) {
                // A big answer sent whole at once, ending in END.
                int size = Integer.parseInt(req.getParam("size"));
                req.response().putHeader("Content-Type", "text/plain").end("x".repeat(size - 3) + "END");
            } else if (path.endsWith("/wait")) {
                vertx.setTimer(200, id -> echo(req, 0));
            } else if (path.endsWith("/broken")) {
                // Promises 1000 bytes, sends 10, then hangs up.
                HttpServerResponse response = req.response().putHeader("Content-Length", "1000");
                response.write(Buffer.buffer(new byte[10])).onComplete(written -> req.connection().close());
            } else if (path.endsWith("/missing")) {
                // A service's own 4xx problem.
                req.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":404,\"title\":\"Not Found\"}");
            } else if (path.endsWith("/last")) {
                // The service answers, says it closes, and does.
                req.body().onSuccess(body -> req.response().putHeader("Connection", "close").putHeader("X-Upstream", name)
                        .end("last").onComplete(v -> req.connection().close()));
            } else if (path.endsWith("/no-content")) {
                req.response().setStatusCode(204).putHeader("X-Upstream", name).end();
            } else if (path.endsWith("/upload/progress")) {
                req.response().end(String.valueOf(uploaded.get()));
            } else if (path.endsWith("/upload")) {
                uploaded.set(0);
                req.handler(chunk -> uploaded.addAndGet(chunk.length()));
                req.endHandler(v -> req.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("bytes", uploaded.get()).encode()));
            } else {
                long[] size = {0};
                req.handler(chunk -> size[0] += chunk.length());
                req.endHandler(v -> echo(req, size[0]));
            }
        }

        private void pump(HttpServerResponse response, long remaining) {
            while (remaining > 0 && !response.writeQueueFull()) {
                int n = (int) Math.min(CHUNK, remaining);
                response.write(Buffer.buffer(new byte[n]));
                remaining -= n;
            }
            if (remaining == 0) {
                response.end();
                return;
            }
            long left = remaining;
            response.drainHandler(v -> pump(response, left));
        }

        private void echo(HttpServerRequest req, long bodySize) {
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject body = new JsonObject()
                    .put("instance", name)
                    .put("method", req.method().name())
                    .put("uri", req.uri())
                    .put("bodySize", bodySize)
                    .put("headers", headers);
            req.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Upstream", name)
                    .end(body.encode());
        }
    }
}
