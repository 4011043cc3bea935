package fr.ent.notification.stream;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One open stream. Starts "replaying": events the feed offers meanwhile wait in {@code pending};
 * then the catch-up events and the pending ones go out in seq order, each once ({@code cursor}).
 * <p>
 * The sink opens the stream (status, headers, the {@code :open} comment) and ends it; everything
 * in between — events, heartbeats — is written as pre-encoded bytes straight to the connection's
 * response ({@link StreamEvent}): nothing is serialised, formatted or allocated per stream.
 */
final class Subscriber {

    /** Vert.x's write without a completion handler: no promise per write; a failed write closes the connection. */
    private static final Handler<AsyncResult<Void>> NO_HANDLER = null;

    /** Where a stream's bytes go: its connection (the response), or a test's fake. */
    interface Wire {
        /** Queues the bytes; IllegalStateException once the response has ended. */
        void write(Buffer bytes);

        static Wire of(HttpServerResponse response) {
            return bytes -> response.write(bytes, NO_HANDLER);
        }
    }

    final UUID person;
    /** The token's exp (epoch seconds): the stream is closed then, with a reconnect event. */
    final long expiresAt;
    private final SseEventSink sink;
    private final Wire wire;
    private final Sse sse;
    private long cursor;
    private List<StreamEvent> pending = new ArrayList<>();
    /** When the last write went out (System.nanoTime()): a heartbeat is due only after a quiet interval. */
    private long lastWrite = System.nanoTime();

    Subscriber(UUID person, long expiresAt, SseEventSink sink, Wire wire, Sse sse) {
        this.person = person;
        this.expiresAt = expiresAt;
        this.sink = sink;
        this.wire = wire;
        this.sse = sse;
    }

    synchronized void start(long from, List<StreamEvent> catchUp) {
        cursor = from;
        // The headers go out now rather than with the first event or heartbeat: the gateway's wait for
        // them is bounded (gateway.routes.notification.timeout), and an EventSource is "open" only then.
        try {
            sink.send(sse.newEventBuilder().comment("open").build());
            lastWrite = System.nanoTime();
        } catch (IllegalStateException closedMeanwhile) {
            pending = null;
            return;
        }
        send(catchUp);
        send(pending);
        pending = null;
    }

    synchronized void offer(List<StreamEvent> events) {
        if (pending != null) {
            pending.addAll(events);
        } else {
            send(events);
        }
    }

    /**
     * A comment once no write has gone out for {@code everyNanos}: keeps proxies from closing a quiet
     * stream, and a write that fails reveals a dead one. Streams opened at different times are due at
     * different times, so heartbeats are spread over the interval instead of all written at once.
     */
    synchronized void heartbeatIfDue(long now, long everyNanos) {
        if (now - lastWrite >= everyNanos) {
            heartbeat();
        }
    }

    /** Notices taken back (a recalled message), encoded once by the hub; a stream still replaying reads the inbox anew. */
    synchronized void removed(Buffer event) {
        if (pending == null) {
            write(event);
        }
    }

    synchronized void heartbeat() {
        if (pending == null) {
            write(StreamEvent.HEARTBEAT);
        }
    }

    /**
     * The person's token has expired: tells the client to come back with a fresh one (an EventSource
     * cannot change its headers, so the portal opens a new stream with the new token and its
     * Last-Event-ID), then closes at once: the end goes out after the event, and a client that no
     * longer reads does not keep the stream open.
     */
    synchronized void reconnect(String reason) {
        try {
            if (!sink.isClosed()) {
                sink.send(sse.newEventBuilder()
                        .name("reconnect")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data("{\"reason\":\"" + reason + "\"}")
                        .build());
            }
        } catch (IllegalStateException closedMeanwhile) {
            // nobody left to tell
        }
        close();
    }

    /**
     * The connection has ended, whoever ended it: the sink says so as soon as the server has seen the
     * connection close (a client that leaves closes it; the hub's sweep looks every poll interval).
     */
    boolean isClosed() {
        return sink.isClosed();
    }

    void close() {
        try {
            if (!sink.isClosed()) {
                sink.close();
            }
        } catch (RuntimeException alreadyGone) {
            // the connection ended meanwhile: nothing left to close
        }
    }

    private void send(List<StreamEvent> events) {
        for (StreamEvent event : events) {
            if (event.seq() <= cursor) {
                continue;
            }
            if (!write(event.bytes())) {
                return; // closed: the client gets the rest by Last-Event-ID when it comes back
            }
            cursor = event.seq();
        }
    }

    /**
     * Writes pre-encoded bytes; false if the stream has ended. The response refuses a write once it has
     * ended (IllegalStateException), which can happen between any check and the write: that is an ended
     * stream, never a failure of the hub's round (which would skip the other streams). A write that
     * fails later (the peer gone) closes the connection, and the sink then says it is closed.
     */
    private boolean write(Buffer bytes) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            wire.write(bytes);
            lastWrite = System.nanoTime();
            return true;
        } catch (IllegalStateException closedMeanwhile) {
            return false;
        }
    }
}
