package fr.ent.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A minimal Server-Sent Events reader over a plain HTTP connection, as a browser's EventSource would
 * be: opens the stream (with a token and a {@code Last-Event-ID} if given) and keeps every event on a
 * background thread. {@link #read(BufferedReader, Consumer)} is the parser alone, for another client.
 */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final HttpURLConnection connection;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile int status;
    private volatile String contentType;

    public SseClient(URI uri, String token, String lastEventId) throws IOException {
        connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            connection.setRequestProperty("Last-Event-ID", lastEventId);
        }
        connection.setReadTimeout(0);
        reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            status = connection.getResponseCode();
            contentType = connection.getContentType();
            if (status != 200) {
                return;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                read(in, events::add);
            }
        } catch (IOException closed) {
            // the test closed the connection
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
     * Disconnects in the background: HttpURLConnection's disconnect waits for the lock that the
     * reader thread holds while it blocks on the open stream, until the server next writes.
     */
    @Override
    public void close() {
        Thread closer = new Thread(connection::disconnect, "sse-client-close");
        closer.setDaemon(true);
        closer.start();
    }
}
