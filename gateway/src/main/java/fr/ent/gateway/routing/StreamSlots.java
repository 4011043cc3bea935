package fr.ent.gateway.routing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event streams this gateway instance holds, across all event loops, bounded by
 * {@code gateway.streams.max}. A stream costs a client connection, its own connection to the service
 * and a few buffers; no thread.
 */
final class StreamSlots {

    private final AtomicInteger open = new AtomicInteger();
    private final int max;
    private final long retryAfterSeconds;

    StreamSlots(int max, long retryAfterSeconds) {
        this.max = max;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** A slot for a request asking for an event stream, or false when all are taken. */
    boolean tryTake() {
        int now;
        do {
            now = open.get();
            if (now >= max) {
                return false;
            }
        } while (!open.compareAndSet(now, now + 1));
        return true;
    }

    /** An answer that turned out to be a stream although not asked as one: counted, never refused (it is already open). */
    void take() {
        open.incrementAndGet();
    }

    void give() {
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
