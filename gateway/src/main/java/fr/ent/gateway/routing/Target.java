package fr.ent.gateway.routing;

import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of a service, with its circuit breaker: after {@code threshold} consecutive failures
 * (refused, reset, timed out) it is skipped for {@code openNanos}; then calls go through again and
 * the first failure opens it at once, the first success closes it.
 */
final class Target {

    private final URI uri;
    private final SocketAddress address;
    private final boolean ssl;
    private final int threshold;
    private final long openNanos;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long openUntil;

    Target(URI uri, int threshold, long openNanos) {
        this.uri = uri;
        this.ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
        this.address = SocketAddress.inetSocketAddress(port, uri.getHost());
        this.threshold = threshold;
        this.openNanos = openNanos;
    }

    boolean available(long now) {
        long until = openUntil;
        return until == 0 || now - until >= 0;
    }

    void succeeded() {
        if (failures.get() != 0) {
            failures.set(0);
            openUntil = 0;
        }
    }

    void failed(long now) {
        if (failures.incrementAndGet() >= threshold) {
            openUntil = now + openNanos;
        }
    }

    RequestOptions requestOptions(long connectTimeoutMs) {
        return new RequestOptions()
                .setServer(address)
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(ssl)
                .setConnectTimeout(connectTimeoutMs);
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
