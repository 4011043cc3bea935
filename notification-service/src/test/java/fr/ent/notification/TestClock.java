package fr.ent.notification;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Replaces the service's clock in tests: real time until a test sets it, then time goes on from the
 * instant set (so retry backoffs and the like still elapse).
 */
@Singleton
public class TestClock extends Clock {

    private record Origin(Instant at, long nanos) {
    }

    private volatile Origin origin;

    public void set(Instant now) {
        origin = new Origin(now, System.nanoTime());
    }

    public void useRealTime() {
        origin = null;
    }

    @Override
    public Instant instant() {
        Origin o = origin;
        return o == null ? Instant.now() : o.at().plusNanos(System.nanoTime() - o.nanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
