package fr.ent.gateway.ratelimit;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, per instance of the gateway: with N instances behind a load balancer a
 * caller gets up to N times the configured rate. Good enough to stop a runaway client or a
 * scraper; an exact cluster-wide quota would need a shared store.
 */
@Singleton
public class RateLimiter {

    /** A limit as configured for one route and one kind of caller. */
    public record Limit(double perSecond, int burst) {
    }

    private record Entry(TokenBucket bucket, Limit limit) {
    }

    private static final int MAX_BUCKETS = 500_000;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final Vertx vertx;

    RateLimiter(Vertx vertx) {
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(30_000, id -> forgetIdle());
    }

    /** Returns 0 if the call may go on, else the seconds to wait (for Retry-After). */
    public long acquire(String key, Limit limit) {
        long now = System.nanoTime();
        Entry entry = buckets.get(key);
        if (entry == null) {
            if (buckets.size() >= MAX_BUCKETS) {
                forgetIdle();
            }
            entry = buckets.computeIfAbsent(key, k -> new Entry(new TokenBucket(limit.burst(), now), limit));
        }
        long waitNanos = entry.bucket.take(limit.perSecond(), limit.burst(), now);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    private void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(e -> e.bucket.idle(e.limit.perSecond(), e.limit.burst(), now));
    }
}
