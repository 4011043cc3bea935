package fr.ent.gateway;

import fr.ent.gateway.routing.FrontDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static fr.ent.gateway.RawHttp.open;
import static fr.ent.gateway.RawHttp.readToEnd;
import static fr.ent.gateway.RawHttp.readUntilCount;
import static fr.ent.gateway.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A gateway being stopped (a rolling update) lets the calls in progress finish and closes the rest.
 * Its own application instance (profile), since the front door does not reopen.
 */
@QuarkusTest
@TestProfile(ShutdownTest.OwnInstance.class)
@QuarkusTestResource(Upstreams.class)
class ShutdownTest {

    public static class OwnInstance implements QuarkusTestProfile {
    }

    @Inject
    FrontDoor frontDoor;

    private final String token = TestRealm.person(UUID.randomUUID());

    @Test
    void calls_in_progress_finish_idle_connections_and_event_streams_are_closed_then_nothing_is_taken() throws Exception {
        int port = frontDoor.port();
        try (Socket idle = open(port); Socket events = open(port); Socket busy = open(port)) {
            // idle: one call answered, the connection kept alive
            send(idle, "GET /api/echo/before HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            assertThat(readUntilCount(idle, "\"uri\"", 1)).startsWith("HTTP/1.1 200");
            send(events, "GET /api/files/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            assertThat(readUntilCount(events, "data: one", 1)).startsWith("HTTP/1.1 200");
            // busy: the service holds this one for 200 ms
            send(busy, "GET /api/files/wait HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            Thread.sleep(50);

            CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> frontDoor.drain(Duration.ofSeconds(5)));

            String answer = readToEnd(busy);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close")
                    .contains("\"uri\":\"/api/files/wait\"");
            assertThat(readToEnd(idle)).as("no other answer, then closed").doesNotContain("HTTP/1.1");
            assertThat(readToEnd(events)).doesNotContain("data: two");
            assertThat(drained.get()).as("connections cut at the deadline").isZero();
        }
        assertThatThrownBy(() -> open(port).close()).isInstanceOf(ConnectException.class);
    }
}
