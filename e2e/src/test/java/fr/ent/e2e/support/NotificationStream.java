package fr.ent.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.testkit.SseClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A person's live notification stream through the gateway ({@code GET /api/notification/stream},
 * Server-Sent Events), read on a background thread; every {@code notification} event's JSON data is
 * kept for the test to look at.
 *
 * <p>The stream is opened with {@code Last-Event-ID} = the newest seq of the person's inbox: the
 * server only writes its response head with the first event, so the test cannot see when the
 * subscription is registered; with Last-Event-ID, whatever arrives after that seq comes on the
 * stream either live or replayed from the table, never lost to a race.
 */
public final class NotificationStream implements AutoCloseable {

    /** One SSE event of type notification: its id (the inbox seq) and its data. */
    public record Event(String id, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String who;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<InputStream>> response;
    private volatile InputStream body;
    private volatile int status;
    private volatile String contentType;
    private volatile Throwable failure;
    private volatile boolean closed;

    private NotificationStream(String personKey, long lastSeq) {
        this.who = personKey;
        HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + "/api/notification/stream"))
                .header("Authorization", "Bearer " + Tokens.of(personKey))
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(lastSeq))
                .GET().build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        response.whenComplete((r, e) -> {
            if (e != null) {
                failure = e;
                return;
            }
            status = r.statusCode();
            contentType = r.headers().firstValue("Content-Type").orElse("");
            body = r.body();
            if (closed) {
                close();
                return;
            }
            Thread reader = new Thread(() -> read(r.body()), "sse-" + personKey);
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** Opens the stream of the demo person {@code personKey}, from the newest notification of their inbox. */
    public static NotificationStream open(String personKey) {
        Number newest = Gateway.as(personKey).queryParam("size", 1).get("/api/notification/inbox")
                .then().statusCode(200).extract().path("items[0].seq");
        return new NotificationStream(personKey, newest == null ? 0 : newest.longValue());
    }

    public List<Event> events() {
        if (failure != null) {
            throw new IllegalStateException("the stream of " + who + " failed", failure);
        }
        return List.copyOf(events);
    }

    public List<Event> events(Predicate<JsonNode> matching) {
        return events().stream().filter(e -> matching.test(e.data())).toList();
    }

    /** 0 until the response head arrived (with the first event or heartbeat). */
    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    private void read(InputStream in) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            SseClient.read(lines, e -> {
                if ("notification".equals(e.name())) {
                    events.add(new Event(e.id(), json(e.data())));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // closed by close(), or the server went away: the assertions say what was missed
        }
    }

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hangs up in the background: the reader thread may be blocked on the open stream. */
    @Override
    public void close() {
        closed = true;
        response.cancel(true);
        InputStream in = body;
        if (in != null) {
            Thread closer = new Thread(() -> {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // hanging up anyway
                }
            }, "sse-close-" + who);
            closer.setDaemon(true);
            closer.start();
        }
    }
}
