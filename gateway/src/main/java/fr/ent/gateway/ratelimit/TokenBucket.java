package fr.ent.gateway.ratelimit;

/** A classic token bucket: {@code burst} tokens at most, refilled at {@code perSecond}. */
final class TokenBucket {

    private double tokens;
    private long lastNanos;

    TokenBucket(int burst, long now) {
        this.tokens = burst;
        this.lastNanos = now;
    }

    /** Takes one token; returns 0 when allowed, else the nanoseconds until a token is available. */
    synchronized long take(double perSecond, int burst, long now) {
        refill(perSecond, burst, now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    }

    /** Full and untouched buckets can be forgotten: a new one would behave the same. */
    synchronized boolean idle(double perSecond, int burst, long now) {
        refill(perSecond, burst, now);
        return tokens >= burst;
    }

    private void refill(double perSecond, int burst, long now) {
        long elapsed = now - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond / 1e9);
            lastNanos = now;
        }
    }
}
