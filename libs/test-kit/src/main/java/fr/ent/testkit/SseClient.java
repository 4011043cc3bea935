package fr.ent.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A minimal Server-Sent Events reader over a plain HTTP connection, as a browser's EventSource would
 * be: opens the stream (with a token and a {@code Last-Event-ID} if given) and keeps every event on a
 * background thread. {@link #close()} leaves at once, as a browser tab that is closed: the connection
 * is closed without waiting for the server to write again. {@link #read(BufferedReader, Consumer)} is
 * the parser alone, for another client.
 */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest request;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile int status;
    private volatile String contentType;
    private volatile InputStream body;
    private volatile boolean closed;

    public SseClient(URI uri, String token, String lastEventId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        request = builder.build();
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = response.body();
            contentType = response.headers().firstValue("Content-Type").orElse(null);
            status = response.statusCode();
            if (closed) {
                body.close(); // closed while the headers were coming
                return;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                read(in, events::add);
            }
        } catch (IOException | InterruptedException closedOrBroken) {
            // the test closed the connection, or the server did
        }
    }

    /**
     * Reads a stream's events until it ends: {@code id:}, {@code event:} and {@code data:} lines (several
     * data lines joined by a newline), an empty line ending each event; events without data are skipped.
     */
    public static void read(BufferedReader lines, Consumer<Event> each) throws IOException {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    each.accept(new Event(id, name, data.toString()));
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * Closes the connection now. Closing the body of an answer still coming cancels it, and the HTTP
     * client closes its connection (it cannot be reused); a request still waiting for its headers is
     * cancelled by interrupting it.
     */
    @Override
    public void close() {
        closed = true;
        InputStream open = body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        } else {
            reader.interrupt();
        }
    }
}
