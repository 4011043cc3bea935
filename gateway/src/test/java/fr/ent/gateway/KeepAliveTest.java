package fr.ent.gateway;

import fr.ent.gateway.routing.FrontDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.ent.gateway.RawHttp.readToEnd;
import static fr.ent.gateway.RawHttp.readUntilCount;
import static fr.ent.gateway.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept-alive client connections as a pooling client uses them (the benchmarks' JDK HttpClient): every
 * kind of answer, from the services or from the gateway, leaves the connection usable, or says it
 * closes. Its own instance, with a short idle timeout (2 s), so that idle gaps can be tested.
 */
@QuarkusTest
@TestProfile(KeepAliveTest.ShortIdleTimeout.class)
@QuarkusTestResource(Upstreams.class)
class KeepAliveTest {

    public static class ShortIdleTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.http.idle-timeout", "2s");
        }
    }

    private static final String JSON = "{\"value\":15.5,\"comment\":\"bien\"}";

    @Inject
    FrontDoor frontDoor;

    @Test
    void a_pooled_jdk_client_never_meets_a_connection_closed_under_it() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                runs.add(pool.submit(() -> {
                    String token = TestRealm.person(UUID.randomUUID());
                    for (int i = 0; i < 80; i++) {
                        int kind = (i + client) % 11;
                        try {
                            call(http, token, kind, i);
                        } catch (Exception | AssertionError e) {
                            failures.add("kind " + kind + ": " + e);
                        }
                        if (i == 40 + client) {
                            Thread.sleep(1_500); // an idle gap just under the idle timeout
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).isEmpty();
    }

    /** One call of the benchmarks' mix; fails on an unexpected status or a broken connection. */
    private void call(HttpClient http, String token, int kind, int i) throws Exception {
        String base = "http://localhost:" + frontDoor.port();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(20)).header("Accept", "application/json");
        Set<Integer> expected;
        switch (kind) {
            case 0 -> { // answered 200 by the service
                request.uri(URI.create(base + "/api/echo/grades/" + i)).header("Authorization", "Bearer " + token);
                expected = Set.of(200);
            }
            case 1 -> { // a 4xx problem from the service
                request.uri(URI.create(base + "/api/echo/grades/missing")).header("Authorization", "Bearer " + token);
                expected = Set.of(404);
            }
            case 2 -> { // 401 from the gateway: a bad token
                request.uri(URI.create(base + "/api/echo/grades/" + i)).header("Authorization", "Bearer not-a-token");
                expected = Set.of(401);
            }
            case 3 -> { // POST with a JSON body
                request.uri(URI.create(base + "/api/echo/grades")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON));
                expected = Set.of(200);
            }
            case 4 -> { // POST refused by the gateway, its body unread
                request.uri(URI.create(base + "/api/echo/grades")).header("Authorization", "Bearer not-a-token")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON));
                expected = Set.of(401);
            }
            case 5 -> { // rate limited (3 in a burst, then 0.2 a second)
                request.uri(URI.create(base + "/api/limited/grades/" + i)).header("Authorization", "Bearer " + token);
                expected = Set.of(200, 429);
            }
            case 6 -> { // rate limited, with a body
                request.uri(URI.create(base + "/api/limited/grades")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON));
                expected = Set.of(200, 429);
            }
            case 7 -> { // a slow service (200 ms)
                request.uri(URI.create(base + "/api/echo/grades/wait")).header("Authorization", "Bearer " + token);
                expected = Set.of(200);
            }
            case 8 -> { // the service closes its connection after answering Connection: close
                request.uri(URI.create(base + "/api/echo/grades/last")).header("Authorization", "Bearer " + token);
                expected = Set.of(200);
            }
            case 9 -> { // no token, with a body
                request.uri(URI.create(base + "/api/echo/grades")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON));
                expected = Set.of(401);
            }
            default -> { // a service's kept-alive connection closed under a GET: sent again
                request.uri(URI.create(base + "/api/flaky/grades/" + i)).header("Authorization", "Bearer " + token);
                expected = Set.of(200);
            }
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expected).as("status of kind %d: %s", kind, response.body()).contains(response.statusCode());
    }

    @Test
    void the_idle_timeout_counts_from_the_end_of_the_last_answer() throws Exception {
        String token = TestRealm.person(UUID.randomUUID());
        try (Socket socket = RawHttp.open(frontDoor.port())) {
            socket.setSoTimeout(10_000);
            // Answered after 3 s, longer than the idle timeout (2 s), with nothing read meanwhile.
            send(socket, get("/api/files/slow", token));
            readUntilCount(socket, "\"instance\":", 1);
            Thread.sleep(1_200); // idle for less than the timeout, though nothing was read for 4.2 s
            send(socket, get("/api/files/echo/after", token));
            assertThat(readUntilCount(socket, "\"instance\":", 1)).startsWith("HTTP/1.1 200");
            // Left idle: closed after the timeout, without a byte.
            long start = System.nanoTime();
            assertThat(readToEnd(socket)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1_500), Duration.ofMillis(4_500));
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }
}
