package fr.ent.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Requests sent byte for byte as given (malformed JSON, raw invalid UTF-8, already-encoded query
 * strings), to the gateway, with the JDK's HTTP client: REST Assured would re-encode or refuse what
 * the generated suites need to send. An answer over the gateway's rate limit (429) is retried after
 * its {@code Retry-After}; an event stream is answered with its status and headers only.
 */
public final class RawHttp {

    /** What came back: status, content type, and the start of the body (4 KiB at most). */
    public record Answer(int status, String contentType, String body) {

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        /** The body on one line, cut to {@code max} characters, for reports. */
        public String excerpt(int max) {
            String oneLine = body.replaceAll("\\s+", " ").trim();
            return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
        }
    }

    private static final int KEPT = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private RawHttp() {
    }

    /**
     * {@code pathAndQuery} is sent as written (it must already be percent-encoded); {@code body}
     * may be null (no body). {@code authorization} is the whole header value, or null.
     */
    public static Answer send(String method, String pathAndQuery, String authorization, String contentType, byte[] body) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.GATEWAY + pathAndQuery))
                    .timeout(TIMEOUT)
                    .header("Accept", "application/json, application/problem+json, text/csv, text/event-stream, */*")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (contentType != null && body != null) {
                request.header("Content-Type", contentType);
            }
            Answer answer;
            Optional<String> retryAfter;
            try {
                HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                String type = response.headers().firstValue("Content-Type").orElse("");
                retryAfter = response.headers().firstValue("Retry-After");
                try (InputStream in = response.body()) {
                    // an event stream never ends: its status and type are the answer
                    String text = type.startsWith("text/event-stream") ? "" : new String(in.readNBytes(KEPT), StandardCharsets.UTF_8);
                    answer = new Answer(response.statusCode(), type, text);
                }
            } catch (HttpTimeoutException e) {
                return new Answer(599, "", "no answer within " + TIMEOUT.toSeconds() + " s");
            } catch (IOException e) {
                if (attempt < 2) {
                    continue; // a connection the gateway closed after a refusal: once more on a new one
                }
                throw new UncheckedIOException(method + " " + pathAndQuery, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (answer.status() != 429 || attempt >= 20) {
                return answer;
            }
            sleep(retryAfter.map(RawHttp::seconds).orElse(1L));
        }
    }

    public static Answer send(String method, String pathAndQuery, String authorization, String json) {
        return send(method, pathAndQuery, authorization, "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Math.min(5, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
