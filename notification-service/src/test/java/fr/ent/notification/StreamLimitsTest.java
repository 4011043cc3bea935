package fr.ent.notification;

import fr.ent.notification.stream.StreamHub;
import fr.ent.testkit.SseClient;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

/** An instance holds a bounded number of live streams, and closes each when its token expires. */
@QuarkusTest
@TestProfile(StreamLimitsTest.TwoStreams.class)
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class StreamLimitsTest {

    public static class TwoStreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Heartbeats far apart: a client's departure must be seen without a write to reveal it.
            return Map.of("ent.notification.stream.max-open", "2",
                    "ent.notification.stream.retry-after", "7s",
                    "ent.notification.stream.heartbeat", "1h");
        }
    }

    @TestHTTPResource("/api/notification/stream")
    URI stream;

    @Inject
    StreamHub hub;

    @BeforeEach
    void noStreamOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 0);
    }

    @Test
    void streams_beyond_the_bound_get_503_with_retry_after_while_the_inbox_still_answers() throws Exception {
        UUID school = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        String token = TestTokens.parent(mother, school);
        try (SseClient first = new SseClient(stream, TestTokens.parent(UUID.randomUUID(), school), null);
             SseClient second = new SseClient(stream, token, null)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.openStreams() == 2);

            HttpResponse<InputStream> third = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = third.body()) {
                assertThat(third.statusCode()).isEqualTo(503);
                assertThat(third.headers().firstValue("Retry-After")).hasValue("7");
                assertThat(third.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(new String(body.readAllBytes())).contains("/too-many-streams");
            }
            assertThat(hub.openStreams()).isEqualTo(2);

            given().auth().oauth2(token).get("/api/notification/inbox/unread-count").then().statusCode(200);
        }
        // Closed streams give their places back (the clients' close alone: no heartbeat is written meanwhile).
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 0);
        try (SseClient again = new SseClient(stream, token, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> again.status() != 0);
            assertThat(again.status()).isEqualTo(200);
        }
    }

    @Test
    void a_stream_whose_token_expires_is_told_to_reconnect_with_a_fresh_token_and_closed() throws Exception {
        UUID parent = UUID.randomUUID();
        String shortLived = TestTokens.person(parent).roles("parent").schools(UUID.randomUUID())
                .lifetime(Duration.ofSeconds(4)).sign();
        long exp = expiryOf(shortLived);
        try (SseClient live = new SseClient(stream, shortLived, null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams(parent) == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> live.status() != 0);
            assertThat(live.status()).isEqualTo(200);

            SseClient.Event reconnect = await().atMost(Duration.ofSeconds(15))
                    .until(live::events, events -> events.stream().anyMatch(e -> "reconnect".equals(e.name())))
                    .stream().filter(e -> "reconnect".equals(e.name())).findFirst().orElseThrow();
            assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(exp);
            assertThat(reconnect.data()).isEqualTo("{\"reason\":\"token-expired\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.openStreams(parent) == 0);
        }
    }

    /**
     * A client that goes away (a closed tab, a dropped connection that says so) gives its place back
     * within the sweep's poll interval: the server sees the connection close, no write is needed to
     * reveal it (heartbeats are an hour apart here).
     */
    @Test
    void a_client_that_goes_away_gives_its_place_back_within_seconds_without_waiting_for_a_heartbeat() throws Exception {
        String token = TestTokens.parent(UUID.randomUUID(), UUID.randomUUID());
        for (int round = 0; round < 3; round++) {
            try (RawStream raw = new RawStream(stream, token)) {
                assertThat(raw.readUntil(":open\n")).startsWith("HTTP/1.1 200");
                assertThat(hub.openStreams()).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(3)).until(() -> hub.openStreams() == 0);
        }
    }

    /** The exp claim of a test token (its payload is plain base64url JSON). */
    private static long expiryOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(payload);
        assertThat(m.find()).as("exp in %s", payload).isTrue();
        return Long.parseLong(m.group(1));
    }
}
