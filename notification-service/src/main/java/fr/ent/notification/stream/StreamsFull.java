package fr.ent.notification.stream;

/** This instance already holds ent.notification.stream.max-open streams: 503 with Retry-After. */
final class StreamsFull extends RuntimeException {

    final long retryAfterSeconds;

    StreamsFull(long retryAfterSeconds) {
        super("This instance holds as many live streams as it may; retry in " + retryAfterSeconds + " s.", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
