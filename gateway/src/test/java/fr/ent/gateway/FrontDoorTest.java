package fr.ent.gateway;

import fr.ent.gateway.routing.FrontDoor;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static fr.ent.gateway.RawHttp.readToEnd;
import static fr.ent.gateway.RawHttp.readUntilCount;
import static fr.ent.gateway.RawHttp.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP as it is on the wire, with a plain socket: what clients other than well-behaved libraries
 * send (pipelined requests, HTTP/1.0, Expect: 100-continue, malformed or oversized requests), and
 * what the gateway does with its own connections to the services.
 */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class FrontDoorTest {

    @Inject
    FrontDoor frontDoor;

    private final String token = TestRealm.person(UUID.randomUUID());

    @Test
    void pipelined_requests_are_answered_in_their_order() throws IOException {
        try (Socket socket = connect()) {
            send(socket, get("/api/echo/first") + get("/api/slow/slow") + get("/api/echo/third"));
            String all = readUntilCount(socket, "\"instance\":", 3);
            // The second one waits for the slow service until its route's timeout (500 ms), and
            // the third, answered at once by the service, still comes after it.
            assertThat(all.indexOf("/api/echo/first")).isLessThan(all.indexOf("upstream-timeout"));
            assertThat(all.indexOf("upstream-timeout")).isLessThan(all.indexOf("/api/echo/third"));
        }
    }

    @Test
    void pipelined_requests_to_a_service_reuse_its_pooled_connection_without_waiting() throws IOException {
        try (Socket socket = connect()) {
            send(socket, get("/api/files/echo/warm"));
            readUntilCount(socket, "\"instance\":", 1);
            // The second and third are begun once the previous answer has ended, outside any read
            // from the client: they must still be sent to the service at once.
            send(socket, get("/api/files/echo/1") + get("/api/files/echo/2") + get("/api/files/echo/3"));
            String all = readUntilCount(socket, "\"instance\":", 3);
            assertThat(all).doesNotContain("upstream-timeout").contains("/api/files/echo/3");
        }
    }

    @Test
    void an_http_1_0_client_gets_its_answer_then_the_connection_closes() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/echo/old HTTP/1.0\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            String answer = readToEnd(socket);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close")
                    .contains("\"uri\":\"/api/echo/old\"");
        }
    }

    @Test
    void an_http_1_0_client_gets_a_stream_without_chunks_ended_by_closing() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/files/events HTTP/1.0\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            String first = readUntilCount(socket, "data: one", 1);
            given().auth().oauth2(token).get("/api/files/events/next").then().statusCode(200);
            String answer = first + readToEnd(socket);
            assertThat(answer).doesNotContainIgnoringCase("transfer-encoding")
                    .endsWith("\r\n\r\ndata: one\n\ndata: two\n\n");
        }
    }

    @Test
    void an_http_1_0_client_asking_for_keep_alive_keeps_its_connection() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/echo/a HTTP/1.0\r\nConnection: keep-alive\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            String first = readUntilCount(socket, "\"uri\":", 1);
            assertThat(first).containsIgnoringCase("connection: keep-alive");
            send(socket, "GET /api/echo/b HTTP/1.0\r\nConnection: keep-alive\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            assertThat(readUntilCount(socket, "\"uri\":", 1)).contains("/api/echo/b");
        }
    }

    @Test
    void a_malformed_request_gets_400_and_the_connection_is_closed() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/echo/ping HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n");
            String answer = readToEnd(socket);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json")
                    .contains("https://ent.example/problems/malformed-request");
        }
    }

    @Test
    void oversized_headers_get_431() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET /api/echo/ping HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(10_000) + "\r\n\r\n");
            assertThat(readToEnd(socket)).startsWith("HTTP/1.1 431").contains("headers-too-large");
        }
    }

    @Test
    void an_absolute_uri_is_refused() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET http://elsewhere.example/api/echo/ping HTTP/1.1\r\nHost: x\r\n\r\n");
            String answer = readUntilCount(socket, "\"status\":", 1);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("bad-path");
        }
    }

    @Test
    void expect_100_continue_is_answered_after_the_checks() throws IOException {
        String body = "{\"motif\":\"malade\"}";
        try (Socket socket = connect()) {
            send(socket, "POST /api/echo/absences HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                    + body.length() + "\r\n\r\n");
            assertThat(readUntilCount(socket, "\r\n\r\n", 1)).startsWith("HTTP/1.1 100 Continue");
            send(socket, body);
            String answer = readUntilCount(socket, "\"bodySize\":", 1);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"bodySize\":" + body.length())
                    .doesNotContain("\"expect\"");
        }
        // Refused before the body is sent: no 100 Continue, the problem instead.
        try (Socket socket = connect()) {
            send(socket, "POST /api/echo/absences HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n");
            String answer = readUntilCount(socket, "\"status\":", 1);
            assertThat(answer).startsWith("HTTP/1.1 401").doesNotContain("100 Continue");
        }
    }

    @Test
    void an_answer_the_service_breaks_off_is_cut_short_for_the_client_too() throws IOException {
        try (Socket socket = connect()) {
            send(socket, get("/api/echo/broken"));
            String answer = readToEnd(socket);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 1000");
            int body = answer.length() - answer.indexOf("\r\n\r\n") - 4;
            assertThat(body).isLessThan(1000);
        }
        // and the next call is served normally
        given().auth().oauth2(token).get("/api/echo/after-broken").then().statusCode(200);
    }

    @Test
    void connections_to_the_services_are_kept_and_reused() {
        given().port(frontDoor.port()).auth().oauth2(token).get("/api/files/warm").then().statusCode(200);
        long before = Upstreams.FIRST_CONNECTIONS.get();
        for (int i = 0; i < 20; i++) {
            given().port(frontDoor.port()).auth().oauth2(token).get("/api/files/again-" + i).then().statusCode(200);
        }
        // One pool per event loop: at most one new connection per loop, not one per call.
        assertThat(Upstreams.FIRST_CONNECTIONS.get() - before).isLessThanOrEqualTo(2);
    }

    @Test
    void calls_beyond_the_connection_bound_wait_for_a_connection_and_are_all_served() throws Exception {
        given().port(frontDoor.port()).auth().oauth2(token).get("/api/files/warm").then().statusCode(200);
        long before = Upstreams.FIRST_CONNECTIONS.get();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 30; i++) {
                calls.add(pool.submit(() -> given().port(frontDoor.port()).auth().oauth2(token)
                        .get("/api/files/wait").statusCode()));
            }
            for (var call : calls) {
                assertThat(call.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // 30 calls at once, each held 200 ms by the service: at most 3 connections per event loop
        // (gateway.upstream.max-connections-per-target in the tests), the others waited their turn.
        assertThat(Upstreams.FIRST_CONNECTIONS.get() - before).isLessThanOrEqualTo(6);
    }

    @Test
    void answers_made_by_the_gateway_keep_the_connection_alive() throws IOException {
        String person = TestRealm.person(UUID.randomUUID());
        try (Socket socket = connect()) {
            // Each answer below is the gateway's own, made before the decoder hands on the request's
            // end: the connection must stay open (or say it closes), and the next request be served.
            send(socket, "GET /api/echo/no-token HTTP/1.1\r\nHost: x\r\n\r\n");
            assertKeptAlive(readUntilCount(socket, "\"status\":", 1), "HTTP/1.1 401");
            send(socket, "GET /api/echo/bad-token HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer nope\r\n\r\n");
            assertKeptAlive(readUntilCount(socket, "\"status\":", 1), "HTTP/1.1 401");
            send(socket, get("/api/nowhere/x"));
            assertKeptAlive(readUntilCount(socket, "\"status\":", 1), "HTTP/1.1 404");
            send(socket, "OPTIONS /api/echo/x HTTP/1.1\r\nHost: x\r\nOrigin: https://app.ent.example\r\n"
                    + "Access-Control-Request-Method: POST\r\n\r\n");
            assertKeptAlive(readUntilCount(socket, "\r\n\r\n", 1), "HTTP/1.1 20");
            // limited: 3 calls in a burst per person, then 429
            for (int i = 0; i < 4; i++) {
                send(socket, "GET /api/limited/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + person + "\r\n\r\n");
                assertKeptAlive(readUntilCount(socket, i < 3 ? "\"instance\":" : "\"status\":", 1), i < 3 ? "HTTP/1.1 200" : "HTTP/1.1 429");
            }
            send(socket, get("/api/echo/after"));
            assertKeptAlive(readUntilCount(socket, "\"instance\":", 1), "HTTP/1.1 200");
        }
    }

    @Test
    void a_refused_request_whose_body_was_not_read_says_the_connection_closes() throws IOException {
        try (Socket socket = connect()) {
            // Headers alone: the body is still to come when the gateway answers.
            send(socket, "POST /api/echo/x HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n");
            String answer = readUntilCount(socket, "\"status\":", 1);
            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("connection: close");
            send(socket, "{}");
            assertThat(readToEnd(socket)).isEmpty();
        }
    }

    @Test
    void a_get_on_a_pooled_connection_the_service_closed_is_sent_again_once_a_post_is_not() throws IOException {
        // One client connection, hence one event loop and one pool. The flaky service closes each
        // kept-alive connection under its second request: every GET after the first meets one.
        long dropped = Upstreams.FLAKY_DROPPED.get();
        try (Socket socket = connect()) {
            for (int i = 0; i < 4; i++) {
                send(socket, get("/api/flaky/read-" + i));
                assertKeptAlive(readUntilCount(socket, "\"method\":", 1), "HTTP/1.1 200");
            }
            assertThat(Upstreams.FLAKY_DROPPED.get() - dropped).as("requests the service dropped").isEqualTo(3);
            // A POST may have been acted upon: it is not sent again, the client gets 502.
            send(socket, "POST /api/flaky/write HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            assertKeptAlive(readUntilCount(socket, "\"status\":", 1), "HTTP/1.1 502");
            assertThat(Upstreams.FLAKY_DROPPED.get() - dropped).isEqualTo(4);
        }
    }

    private static void assertKeptAlive(String answer, String statusLine) {
        assertThat(answer).startsWith(statusLine).doesNotContainIgnoringCase("connection: close");
    }

    // --- Oversized bodies: the route's limit (attendance: 3M as shipped) is the service's own, so the
    // gateway refuses before the service sees them, and a refused body never counts against a service.

    private static final String JUSTIFICATIONS = "/api/attendance/justifications";

    @Test
    void an_oversized_body_with_a_content_length_gets_413_before_any_byte_reaches_the_service() throws IOException {
        for (long size : new long[] {6L << 20, 20L << 20}) {
            long before = Upstreams.CAPPED_REQUESTS.get();
            assertTooLarge(upload(JUSTIFICATIONS, size, false));
            assertThat(Upstreams.CAPPED_REQUESTS.get()).as("requests that reached the service").isEqualTo(before);
        }
    }

    @Test
    void an_oversized_chunked_body_gets_413_and_the_service_never_gets_a_whole_request() throws IOException {
        long before = Upstreams.CAPPED_COMPLETE.get();
        assertTooLarge(upload(JUSTIFICATIONS, 6L << 20, true));
        assertThat(Upstreams.CAPPED_COMPLETE.get()).as("whole requests the service got").isEqualTo(before);
    }

    @Test
    void oversized_bodies_never_open_the_services_circuit() throws IOException {
        long before = Upstreams.CAPPED_COMPLETE.get();
        for (int i = 0; i < 20; i++) {
            assertTooLarge(upload(JUSTIFICATIONS, 6L << 20, i % 2 == 1));
        }
        assertThat(Upstreams.CAPPED_COMPLETE.get()).isEqualTo(before);
        // breaker-failures is 3 in the tests: the circuit is still closed.
        given().port(frontDoor.port()).auth().oauth2(token).contentType("application/json").body("{\"motif\":\"malade\"}")
                .post(JUSTIFICATIONS).then().statusCode(200).header("X-Upstream", "capped");
    }

    @Test
    void a_service_cutting_an_upload_off_is_not_counted_as_failing() throws IOException {
        // loose: a route whose limit (200M) is above its service's (3 MiB), so the service refuses the
        // body itself and closes while it is still coming. That is the client's doing, not the service's.
        for (int i = 0; i < 20; i++) {
            // The service's own 413 if it came through, a 502 if the reset overtook it; never 503.
            String answer = upload("/api/loose/justifications", 6L << 20, i % 2 == 1, false);
            assertThat(answer).doesNotStartWith("HTTP/1.1 503").doesNotStartWith("HTTP/1.1 200");
        }
        given().port(frontDoor.port()).auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/loose/justifications").then().statusCode(200).header("X-Upstream", "capped");
    }

    @Test
    void a_client_too_slow_to_send_its_body_is_not_counted_against_the_service() throws IOException {
        // More stalled uploads than breaker-failures (3): each times out, none opens the circuit.
        for (int i = 0; i < 4; i++) {
            try (Socket socket = connect()) {
                send(socket, "POST /api/uploads/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nsome\r\n");
                // ...and nothing more: the route's timeout (500 ms) passes while the body is still coming.
                assertThat(readHead(socket)).startsWith("HTTP/1.1 504");
            }
        }
        given().port(frontDoor.port()).auth().oauth2(token).get("/api/uploads/ping").then().statusCode(200);
    }

    /** A POST of {@code size} bytes, with a Content-Length or chunked; the answer, read until the gateway closes. */
    private String upload(String path, long size, boolean chunked) throws IOException {
        return upload(path, size, chunked, true);
    }

    /** The same; without {@code toEnd}, only what comes until the answer's head is complete or the connection ends. */
    private String upload(String path, long size, boolean chunked, boolean toEnd) throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(10_000);
            send(socket, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/octet-stream\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size) + "\r\n\r\n");
            try {
                OutputStream out = socket.getOutputStream();
                byte[] block = new byte[64 * 1024];
                for (long sent = 0; sent < size; sent += block.length) {
                    int n = (int) Math.min(block.length, size - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (java.net.SocketException e) {
                // the gateway stopped reading: its answer is read below
            }
            return toEnd ? readToEnd(socket) : readHead(socket);
        }
    }

    private static String readHead(Socket socket) throws IOException {
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; !received.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")
                    && (n = socket.getInputStream().read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset: what came before is the answer
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static void assertTooLarge(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .containsIgnoringCase("connection: close")
                .contains("\"type\":\"https://ent.example/problems/payload-too-large\"")
                .contains("\"status\":413");
    }

    // --- plain socket helpers

    @Test
    void a_connection_paused_for_a_slow_client_reads_again_for_the_next_call() throws Exception {
        // While a client is slow to take a big answer, the gateway stops reading from the service;
        // if the answer's end came just then, the pooled connection must not stay paused, or the
        // next call on it waits for an answer it never reads (a 504 after the route's timeout).
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(8_000);
            socket.connect(new java.net.InetSocketAddress("localhost", frontDoor.port()));
            for (int round = 0; round < 40; round++) {
                send(socket, get("/api/files/big?size=" + (66_000 + round * 5_000)));
                Thread.sleep(20);
                assertThat(readUntilCount(socket, "END", 1)).startsWith("HTTP/1.1 200");
                // On the same client connection, hence the same event loop and the same pool.
                send(socket, get("/api/files/echo/" + round));
                assertThat(readUntilCount(socket, "\"instance\":", 1))
                        .startsWith("HTTP/1.1 200").contains("/api/files/echo/" + round);
            }
        }
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    private Socket connect() throws IOException {
        io.restassured.RestAssured.port = frontDoor.port();
        return RawHttp.open(frontDoor.port());
    }
}
