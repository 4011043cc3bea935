package fr.ent.notification.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.notification.inbox.InboxEntry;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** A stream whose connection ends while the hub writes to it is an ended stream, never a failed round. */
class SubscriberTest {

    /**
     * A sink as the server's: it refuses writes with IllegalStateException once its connection has
     * closed, and that can happen between the check and the write.
     */
    static final class Sink implements SseEventSink {
        final List<String> comments = new ArrayList<>();
        boolean connectionClosed;
        boolean closedBetweenCheckAndWrite;
        boolean closedByUs;

        @Override
        public boolean isClosed() {
            return closedByUs || (connectionClosed && !closedBetweenCheckAndWrite);
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (connectionClosed || closedByUs) {
                closedBetweenCheckAndWrite = false;
                throw new IllegalStateException("Already closed");
            }
            comments.add(event.getComment() != null ? event.getComment() : event.getName());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closedByUs = true;
        }
    }

    /** The connection's response as the hub writes to it: refuses writes once its connection has closed. */
    private static Subscriber.Wire wire(Sink sink) {
        return bytes -> {
            if (sink.connectionClosed || sink.closedByUs) {
                sink.closedBetweenCheckAndWrite = false;
                throw new IllegalStateException("Response has already been written");
            }
            sink.comments.add(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    private static Subscriber subscriber(Sink sink) {
        Subscriber s = new Subscriber(UUID.randomUUID(), Long.MAX_VALUE, sink, wire(sink), new SseImpl());
        s.start(0, List.of());
        return s;
    }

    private static StreamEvent event(long seq) {
        return StreamEvent.notification(new InboxEntry(UUID.randomUUID(), seq, "absence", UUID.randomUUID(), null,
                "Absence de Zoé", "Absence de Zoé enregistrée.", "/vie-scolaire", Instant.EPOCH, Instant.EPOCH, false),
                new ObjectMapper().findAndRegisterModules());
    }

    @Test
    void an_event_goes_out_once_in_seq_order_and_heartbeats_only_after_a_quiet_interval() {
        Sink sink = new Sink();
        Subscriber s = subscriber(sink);
        StreamEvent first = event(7);
        StreamEvent second = event(9);

        s.offer(List.of(first, second));
        s.offer(List.of(first)); // offered again (a feed round that overlaps): not sent twice
        s.heartbeatIfDue(System.nanoTime(), java.time.Duration.ofHours(1).toNanos()); // just written: not due

        assertThat(sink.comments).hasSize(3);
        assertThat(sink.comments.get(1)).startsWith("id:7\nevent:notification\ndata:{").endsWith("}\n\n")
                .contains("\"title\":\"Absence de Zoé\"");
        assertThat(sink.comments.get(2)).startsWith("id:9\n");

        s.heartbeatIfDue(System.nanoTime() + 1, 0);
        assertThat(sink.comments).hasSize(4).last().isEqualTo(":ping\n\n");
    }

    @Test
    void one_encoding_of_an_event_serves_every_stream_it_goes_to() {
        Sink one = new Sink();
        Sink other = new Sink();
        StreamEvent event = event(3);

        subscriber(one).offer(List.of(event));
        subscriber(other).offer(List.of(event));

        assertThat(one.comments.get(1)).isEqualTo(other.comments.get(1)).startsWith("id:3\n");
    }

    @Test
    void a_heartbeat_to_a_connection_that_closed_just_before_the_write_ends_the_stream_quietly() {
        Sink sink = new Sink();
        Subscriber s = subscriber(sink);
        assertThat(sink.comments).containsExactly("open");

        sink.connectionClosed = true;
        sink.closedBetweenCheckAndWrite = true; // still looks open when checked
        assertThatCode(s::heartbeat).doesNotThrowAnyException();
        assertThat(s.isClosed()).isTrue();
        assertThat(sink.comments).containsExactly("open");
    }

    @Test
    void an_expired_token_gets_the_reconnect_event_and_the_stream_is_closed_at_once() {
        Sink sink = new Sink();
        Subscriber s = subscriber(sink);

        s.reconnect("token-expired");

        assertThat(sink.comments).containsExactly("open", "reconnect");
        assertThat(sink.closedByUs).isTrue();
        assertThat(s.isClosed()).isTrue();
    }
}
