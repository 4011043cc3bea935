package fr.ent.notification.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.notification.inbox.InboxEntry;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One open stream. Starts "replaying": rows the feed offers meanwhile wait in {@code pending};
 * then the catch-up rows and the pending ones go out in seq order, each once ({@code cursor}).
 */
final class Subscriber {

    final UUID person;
    /** The token's exp (epoch seconds): the stream is closed then, with a reconnect event. */
    final long expiresAt;
    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private long cursor;
    private List<InboxEntry> pending = new ArrayList<>();

    Subscriber(UUID person, long expiresAt, SseEventSink sink, Sse sse, ObjectMapper json) {
        this.person = person;
        this.expiresAt = expiresAt;
        this.sink = sink;
        this.sse = sse;
        this.json = json;
    }

    synchronized void start(long from, List<InboxEntry> catchUp) {
        cursor = from;
        // The headers go out now rather than with the first event or heartbeat: the gateway's wait for
        // them is bounded (gateway.routes.notification.timeout), and an EventSource is "open" only then.
        write(sse.newEventBuilder().comment("open").build());
        send(catchUp);
        send(pending);
        pending = null;
    }

    synchronized void offer(List<InboxEntry> rows) {
        if (pending != null) {
            pending.addAll(rows);
        } else {
            send(rows);
        }
    }

    /** Notices taken back (a recalled message): their inbox ids, for the client to drop; no id, Last-Event-ID stays. */
    synchronized void removed(List<UUID> ids) {
        String data;
        try {
            data = json.writeValueAsString(java.util.Map.of("ids", ids));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        write(sse.newEventBuilder().name("notification-removed").mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build());
    }

    /** A comment: keeps proxies from closing a quiet stream, and a write that fails reveals a dead one. */
    synchronized void heartbeat() {
        write(sse.newEventBuilder().comment("ping").build());
    }

    /**
     * The person's token has expired: tells the client to come back with a fresh one (an EventSource
     * cannot change its headers, so the portal opens a new stream with the new token and its
     * Last-Event-ID), then closes at once: the end goes out after the event, and a client that no
     * longer reads does not keep the stream open.
     */
    synchronized void reconnect(String reason) {
        write(sse.newEventBuilder()
                .name("reconnect")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data("{\"reason\":\"" + reason + "\"}")
                .build());
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

    private void send(List<InboxEntry> rows) {
        for (InboxEntry row : rows) {
            if (row.seq() <= cursor) {
                continue;
            }
            String data;
            try {
                data = json.writeValueAsString(row);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (!write(sse.newEventBuilder()
                    .id(Long.toString(row.seq()))
                    .name("notification")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(data)
                    .build())) {
                return; // closed: the client gets the rest by Last-Event-ID when it comes back
            }
            cursor = row.seq();
        }
    }

    /**
     * Writes one event; false if the stream has ended. The sink refuses a write once its connection
     * is closed (IllegalStateException), which can happen between any check and the write: that is
     * an ended stream, never a failure of the hub's round (which would skip the other streams'
     * heartbeats). A write that fails later closes the stream.
     */
    private boolean write(OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        try {
            sink.send(event).whenComplete(this::sent);
            return true;
        } catch (IllegalStateException closedMeanwhile) {
            return false;
        }
    }

    private void sent(Object ignored, Throwable failure) {
        if (failure != null) {
            close();
        }
    }
}
