package fr.ent.gateway;

import fr.ent.gateway.routing.FrontDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event streams through the gateway never compete with calls: each has a connection of its own to
 * the service, outside the pool (here one connection per event loop and target, so a single stream
 * in the pool would already make calls on its loop wait), and the instance holds at most
 * {@code gateway.streams.max} of them.
 */
@QuarkusTest
@TestProfile(StreamsTest.SmallBounds.class)
@QuarkusTestResource(Upstreams.class)
class StreamsTest {

    static final int MAX_STREAMS = 10;

    public static class SmallBounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.upstream.max-connections-per-target", "1",
                    "gateway.upstream.idle-timeout", "1s",
                    "gateway.streams.max", String.valueOf(MAX_STREAMS),
                    "gateway.streams.retry-after", "7s");
        }
    }

    @Inject
    FrontDoor frontDoor;

    private final String token = TestRealm.person(UUID.randomUUID());

    @BeforeEach
    void port() {
        io.restassured.RestAssured.port = frontDoor.port();
        await().atMost(Duration.ofSeconds(5)).until(() -> frontDoor.openStreams() == 0);
    }

    @Test
    void streams_beyond_the_bound_get_503_with_retry_after_while_calls_to_the_same_service_succeed() throws Exception {
        List<Socket> streams = openStreams(MAX_STREAMS);
        try {
            assertThat(frontDoor.openStreams()).isEqualTo(MAX_STREAMS);
            given().auth().oauth2(token).accept("text/event-stream").get("/api/files/hub")
                    .then().statusCode(503).header("Retry-After", "7")
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("/too-many-streams"));

            // Ten streams held, a pool of one connection per loop: calls still go through at once.
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                given().auth().oauth2(token).get("/api/files/pupils/" + i).then().statusCode(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            }
        } finally {
            close(streams);
        }
        // Clients that leave give their slots back within seconds, here and at the service: the gateway
        // closes each stream's own connection to it, so the service frees its stream too.
        await().atMost(Duration.ofSeconds(5)).until(() -> frontDoor.openStreams() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> "0".equals(
                given().auth().oauth2(token).get("/api/files/hub/send?data=anyone").then().statusCode(200).extract().asString()));
        close(openStreams(1));
    }

    @Test
    void a_stream_left_quiet_longer_than_the_pools_idle_timeout_still_forwards_events() throws Exception {
        List<Socket> streams = openStreams(3);
        try {
            // Quiet for three pool idle timeouts (1 s): the pool's sweeps run meanwhile, and must not touch a stream.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
            String data = "after-" + UUID.randomUUID();
            given().auth().oauth2(token).get("/api/files/hub/send?data=" + data).then().statusCode(200);
            for (Socket stream : streams) {
                assertThat(RawHttp.readUntilCount(stream, "data: " + data + "\n\n", 1)).contains(data);
            }
        } finally {
            close(streams);
        }
    }

    private List<Socket> openStreams(int count) throws Exception {
        List<Socket> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = RawHttp.open(frontDoor.port());
            streams.add(socket);
            RawHttp.send(socket, "GET /api/files/hub HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            assertThat(RawHttp.readUntilCount(socket, "data: hello\n\n", 1)).startsWith("HTTP/1.1 200");
        }
        return streams;
    }

    private static void close(List<Socket> streams) throws Exception {
        for (Socket socket : streams) {
            socket.close();
        }
    }
}
