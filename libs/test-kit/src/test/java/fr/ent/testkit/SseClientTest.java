package fr.ent.testkit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SseClientTest {

    @Test
    void events_are_read_with_their_id_and_name_and_data_lines_are_joined() throws IOException {
        String stream = """
                : heartbeat

                id: 41
                event: notification
                data: {"title":
                data:  "Absence de Léa"}

                event: ping

                data: sans nom

                """;
        List<SseClient.Event> events = new ArrayList<>();
        SseClient.read(new BufferedReader(new StringReader(stream)), events::add);

        assertThat(events).containsExactly(
                new SseClient.Event("41", "notification", "{\"title\":\n\"Absence de Léa\"}"),
                new SseClient.Event(null, null, "sans nom"));
    }

    /**
     * A server that sends one event and then stays quiet (a stream between heartbeats) must see the
     * client leave at once: a server only frees a stream it knows has ended.
     */
    @Test
    void close_ends_the_connection_at_once_even_while_the_server_is_quiet() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SseClient client = new SseClient(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/stream"), "t0ken", "7");
            try (Socket accepted = server.accept()) {
                BufferedReader request = new BufferedReader(new InputStreamReader(accepted.getInputStream(), StandardCharsets.US_ASCII));
                List<String> head = new ArrayList<>();
                for (String line; (line = request.readLine()) != null && !line.isEmpty(); ) {
                    head.add(line);
                }
                assertThat(head.get(0)).isEqualTo("GET /stream HTTP/1.1");
                assertThat(head).contains("Accept: text/event-stream", "Authorization: Bearer t0ken", "Last-Event-ID: 7");

                OutputStream out = accepted.getOutputStream();
                String event = "id: 8\nevent: notification\ndata: {}\n\n";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(event.length()) + "\r\n" + event + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                await().atMost(Duration.ofSeconds(10)).until(() -> client.events().size() == 1);
                assertThat(client.status()).isEqualTo(200);
                assertThat(client.events()).containsExactly(new SseClient.Event("8", "notification", "{}"));

                long closing = System.nanoTime();
                client.close();
                accepted.setSoTimeout(5_000);
                InputStream in = accepted.getInputStream();
                int read;
                try {
                    read = in.read();
                } catch (SocketTimeoutException stillOpen) {
                    read = -2;
                } catch (IOException reset) {
                    read = -1;
                }
                assertThat(read).as("the client's end of the connection, after close()").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(2));
            }
        }
    }
}
