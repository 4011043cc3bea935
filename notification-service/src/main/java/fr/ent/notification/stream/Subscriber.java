package fr.ent.notification.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.notification.inbox.InboxEntry;
import jakarta.ws.rs.core.MediaType;
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
        sink.send(sse.newEventBuilder().comment("open").build()).whenComplete(this::sent);
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

    synchronized void heartbeat() {
        if (!sink.isClosed()) {
            sink.send(sse.newEventBuilder().comment("ping").build()).whenComplete(this::sent);
        }
    }

    /**
     * The person's token has expired: tells the client to come back with a fresh one (an EventSource
     * cannot change its headers, so the portal opens a new stream with the new token and its
     * Last-Event-ID), then closes.
     */
    synchronized void reconnect(String reason) {
        if (sink.isClosed()) {
            return;
        }
        sink.send(sse.newEventBuilder()
                        .name("reconnect")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data("{\"reason\":\"" + reason + "\"}")
                        .build())
                .whenComplete((ignored, failure) -> close());
    }

    boolean isClosed() {
        return sink.isClosed();
    }

    void close() {
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    private void send(List<InboxEntry> rows) {
        for (InboxEntry row : rows) {
            if (row.seq() <= cursor || sink.isClosed()) {
                continue;
            }
            try {
                sink.send(sse.newEventBuilder()
                                .id(Long.toString(row.seq()))
                                .name("notification")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(json.writeValueAsString(row))
                                .build())
                        .whenComplete(this::sent);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            cursor = row.seq();
        }
    }

    private void sent(Object ignored, Throwable failure) {
        if (failure != null) {
            close();
        }
    }
}
