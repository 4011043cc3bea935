package fr.ent.gateway.routing;

import fr.ent.gateway.GatewayConfig;
import fr.ent.gateway.ratelimit.RateLimiter.Limit;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One service behind {@code /api/<name>/}: its instances and limits. */
public final class ServiceRoute {

    private final String name;
    private final List<Target> targets;
    private final AtomicInteger next = new AtomicInteger();
    private final long timeoutMs;
    private final long maxBodyBytes;
    private final long retryAfterSeconds;
    private final boolean rateLimited;
    private final Limit userLimit;
    private final Limit clientLimit;
    private final Limit ipLimit;

    ServiceRoute(String name, GatewayConfig.Route config, GatewayConfig.Upstream upstream) {
        this.name = name;
        long openNanos = upstream.breakerOpen().toNanos();
        this.targets = config.targets().stream()
                .map(uri -> new Target(uri, upstream.breakerFailures(), openNanos))
                .toList();
        this.timeoutMs = config.timeout().toMillis();
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.retryAfterSeconds = Math.max(1, upstream.breakerOpen().toSeconds());
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.rateLimited = limits.enabled();
        this.userLimit = new Limit(limits.userPerSecond(), limits.userBurst());
        this.clientLimit = new Limit(limits.clientPerSecond(), limits.clientBurst());
        this.ipLimit = new Limit(limits.ipPerSecond(), limits.ipBurst());
    }

    /** The gateway's own HTTP server (health, metrics, Swagger UI): no limits of its own. */
    static ServiceRoute local(URI uri, long timeoutMs) {
        return new ServiceRoute("gateway", List.of(new Target(uri, Integer.MAX_VALUE, 0)), timeoutMs);
    }

    private ServiceRoute(String name, List<Target> targets, long timeoutMs) {
        this.name = name;
        this.targets = targets;
        this.timeoutMs = timeoutMs;
        this.maxBodyBytes = Long.MAX_VALUE;
        this.retryAfterSeconds = 1;
        this.rateLimited = false;
        this.userLimit = this.clientLimit = this.ipLimit = null;
    }

    /** The next instance whose circuit is closed, round-robin; null if every one is open. */
    Target pick(long now) {
        int size = targets.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Target target = targets.get((start + i) % size);
            if (target.available(now)) {
                return target;
            }
        }
        return null;
    }

    public String name() {
        return name;
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean rateLimited() {
        return rateLimited;
    }

    public Limit userLimit() {
        return userLimit;
    }

    public Limit clientLimit() {
        return clientLimit;
    }

    public Limit ipLimit() {
        return ipLimit;
    }
}
