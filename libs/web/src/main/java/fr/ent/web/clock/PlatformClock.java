package fr.ent.web.clock;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The one clock a service reads its domain time from ("today", "now", quiet hours, due dates). It is
 * the real time, unless {@code ent.clock.start} is set: then time runs on from that instant (tests,
 * demos, training). Tests move it with {@link #set}, so no test depends on the day it runs; time
 * keeps flowing after a set, so backoffs and timeouts still elapse.
 * <p>
 * Infrastructure time (token expiry, outbox relay, retries of a delivery) stays on the system clock.
 */
@Singleton
public class PlatformClock extends Clock {

    private record Origin(Instant at, long nanos) {
    }

    private final Optional<OffsetDateTime> start;
    private volatile Origin origin;

    public PlatformClock(@ConfigProperty(name = "ent.clock.start") Optional<OffsetDateTime> start) {
        this.start = start;
        reset();
    }

    /** From now on, time runs from {@code now}. */
    public void set(Instant now) {
        origin = new Origin(now, System.nanoTime());
    }

    public void set(OffsetDateTime now) {
        set(now.toInstant());
    }

    /** Back to how the service started: from {@code ent.clock.start} if set, else the real time. */
    public void reset() {
        origin = start.map(s -> new Origin(s.toInstant(), System.nanoTime())).orElse(null);
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
        // A view in another zone that still follows this clock (and its later sets).
        PlatformClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
