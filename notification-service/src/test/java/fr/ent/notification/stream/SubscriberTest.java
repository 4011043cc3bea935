package fr.ent.notification.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

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

    private static Subscriber subscriber(Sink sink) {
        Subscriber s = new Subscriber(UUID.randomUUID(), Long.MAX_VALUE, sink, new SseImpl(), new ObjectMapper());
        s.start(0, List.of());
        return s;
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
