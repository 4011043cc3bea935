package fr.ent.gateway.routing;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * One HTTP client (one connection pool) per event loop. With a single shared pool, a request
 * handled on one event loop often borrows a connection owned by another, and every callback then
 * hops between threads; per-loop pools keep a proxied call on one thread from end to end.
 */
final class UpstreamClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final ThreadLocal<HttpClient> perLoop = new ThreadLocal<>();
    private final HttpClient shared;

    UpstreamClients(Vertx vertx, HttpClientOptions options, PoolOptions pool) {
        this.vertx = vertx;
        this.options = options;
        this.pool = pool;
        this.shared = vertx.createHttpClient(options, pool);
    }

    /** The client of the calling event loop (created on first use); the shared one elsewhere. */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return shared;
        }
        HttpClient client = perLoop.get();
        if (client == null) {
            client = vertx.createHttpClient(options, pool);
            perLoop.set(client);
        }
        return client;
    }
}
