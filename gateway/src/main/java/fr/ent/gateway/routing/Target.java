package fr.ent.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of a service, with its circuit breaker: after {@code threshold} consecutive failures
 * (refused, reset, timed out) it is skipped for {@code openNanos}; then calls go through again and
 * the first failure opens it at once, the first success closes it.
 */
final class Target {

    private final URI uri;
    private final InetSocketAddress address;
    private final boolean ssl;
    private final int threshold;
    private final long openNanos;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile long openUntil;

    Target(URI uri, int threshold, long openNanos) {
        this.uri = uri;
        this.ssl = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : (ssl ? 443 : 80);
        // Resolved at each new connection, so a service name that moves is followed.
        this.address = InetSocketAddress.createUnresolved(uri.getHost(), port);
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

    InetSocketAddress address() {
        return address;
    }

    boolean ssl() {
        return ssl;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
