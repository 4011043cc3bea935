package fr.ent.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal Server-Sent Events reader over a plain HTTP connection, as a browser's EventSource would be. */
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
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(id, name, data.toString()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) {
                            data.append('\n');
                        }
                        data.append(line.substring(5).stripLeading());
                    }
                }
            }
        } catch (IOException closed) {
            // the test closed the connection
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
