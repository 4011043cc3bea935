package fr.ent.gateway;

import fr.ent.gateway.routing.FrontDoor;
import fr.ent.gateway.routing.ServiceRoutes;
import fr.ent.gateway.token.TokenVerifier;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class GatewayTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TokenVerifier verifier;

    @Inject
    Vertx vertx;

    @Inject
    FrontDoor frontDoor;

    @Inject
    ServiceRoutes routes;

    /** The front door, where every call goes (Quarkus's own HTTP server only serves it). */
    URL gateway;

    private HttpClient client;
    private final String parentToken = TestRealm.person(UUID.randomUUID());

    @BeforeEach
    void client() throws java.net.MalformedURLException {
        gateway = new URL("http://localhost:" + frontDoor.port() + "/");
        io.restassured.RestAssured.port = frontDoor.port();
        client = vertx.createHttpClient();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private JsonPath echo(String path) {
        return given().auth().oauth2(parentToken).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_call_reaches_the_service_with_its_method_path_query_headers_and_body_unchanged() {
        JsonPath seen = given().auth().oauth2(parentToken).urlEncodingEnabled(false)
                .header("X-Custom", "kept as is")
                .contentType(ContentType.JSON)
                .body("{\"motif\":\"rendez-vous médical\"}")
                .put("/api/echo/absences/42?from=2026-11-01&q=a%20b")
                .then().statusCode(200).extract().jsonPath();

        assertThat(seen.getString("method")).isEqualTo("PUT");
        assertThat(seen.getString("uri")).isEqualTo("/api/echo/absences/42?from=2026-11-01&q=a%20b");
        assertThat(seen.getString("headers.x-custom")).isEqualTo("kept as is");
        assertThat(seen.getString("headers.authorization")).isEqualTo("Bearer " + parentToken);
        assertThat(seen.getLong("bodySize")).isEqualTo("{\"motif\":\"rendez-vous médical\"}".getBytes().length);
        assertThat(seen.getString("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
    }

    @Test
    void answers_without_a_body_pass_as_they_are() {
        Response deleted = given().auth().oauth2(parentToken).delete("/api/echo/absences/7/no-content");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.header("X-Upstream")).isIn("first", "second");
        assertThat(deleted.header("Transfer-Encoding")).isNull();
        assertThat(deleted.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(deleted.asByteArray()).isEmpty();

        Response head = given().auth().oauth2(parentToken).head("/api/echo/ping");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("X-Upstream")).isIn("first", "second");
        assertThat(head.header("Content-Type")).isEqualTo("application/json");
        assertThat(head.asByteArray()).isEmpty();
        // and the connection is still good for the next call
        given().auth().oauth2(parentToken).get("/api/echo/ping").then().statusCode(200);
    }

    @Test
    void calls_are_spread_over_the_instances_of_a_service() {
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            instances.add(echo("/api/echo/ping").getString("instance"));
        }
        assertThat(instances).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void the_clients_request_id_is_kept_and_one_is_made_when_missing() {
        Response kept = given().auth().oauth2(parentToken).header("X-Request-Id", "mobile-7f3a.42")
                .get("/api/echo/ping");
        assertThat(kept.header("X-Request-Id")).isEqualTo("mobile-7f3a.42");
        assertThat(kept.jsonPath().getString("headers.x-request-id")).isEqualTo("mobile-7f3a.42");

        Response made = given().auth().oauth2(parentToken).get("/api/echo/ping");
        String id = made.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(made.jsonPath().getString("headers.x-request-id")).isEqualTo(id);

        Response refused = given().header("X-Request-Id", "bad id with spaces").get("/api/echo/ping");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void the_trace_context_is_passed_on_or_started() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        JsonPath passed = given().auth().oauth2(parentToken).header("traceparent", traceparent)
                .header("tracestate", "ent=1").get("/api/echo/ping").jsonPath();
        assertThat(passed.getString("headers.traceparent")).isEqualTo(traceparent);
        assertThat(passed.getString("headers.tracestate")).isEqualTo("ent=1");

        JsonPath started = given().auth().oauth2(parentToken).header("traceparent", "garbage")
                .get("/api/echo/ping").jsonPath();
        assertThat(started.getString("headers.traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void calls_without_a_valid_token_are_refused_before_reaching_the_service() {
        UUID person = UUID.randomUUID();
        JwtClaims wrongIssuer = TestRealm.claims(person);
        wrongIssuer.setIssuer("https://evil.example/realms/ent");
        JwtClaims wrongAudience = TestRealm.claims(person);
        wrongAudience.setAudience("other-api");
        String valid = TestRealm.person(person);
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "BB" : "AA") + "." + parts[2];

        refused(null, "A bearer token is required.");
        refused(TestRealm.expired(person), "The token has expired.");
        refused(TestRealm.sign(wrongIssuer), "The token was not issued by the expected realm.");
        refused(TestRealm.sign(wrongAudience), "The token is not meant for this API.");
        refused(tampered, null);
        refused(TestRealm.signedByStranger(TestRealm.claims(person)), "The token's signature is invalid.");
        refused("not-a-jwt", "The token is not valid.");

        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/echo/ping")
                .then().statusCode(401).contentType(PROBLEM)
                .body("detail", equalTo("Use an OAuth2 bearer token."));
    }

    private void refused(String token, String detail) {
        var request = given();
        if (token != null) {
            request.auth().oauth2(token);
        }
        Response response = request.get("/api/echo/ping");
        assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.header("X-Upstream")).isNull();
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).isEqualTo("https://ent.example/problems/unauthorized");
        assertThat(problem.getInt("status")).isEqualTo(401);
        assertThat(problem.getString("instance")).isEqualTo("/api/echo/ping");
        if (detail != null) {
            assertThat(problem.getString("detail")).isEqualTo(detail);
        }
    }

    @Test
    void public_paths_need_no_token() {
        given().get("/api/echo/public/schools").then().statusCode(200).body("uri", equalTo("/api/echo/public/schools"));
    }

    @Test
    void a_token_is_verified_once_then_served_from_the_cache() {
        String token = TestRealm.person(UUID.randomUUID());
        long before = verifier.verifications();
        given().auth().oauth2(token).get("/api/echo/one").then().statusCode(200);
        assertThat(verifier.verifications()).isEqualTo(before + 1);

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/api/echo/again").then().statusCode(200);
        }
        assertThat(verifier.verifications()).isEqualTo(before + 1);
    }

    @Test
    void a_person_over_the_rate_limit_gets_429_with_retry_after_and_others_are_not_affected() {
        String eager = TestRealm.person(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(eager).get("/api/limited/marks").then().statusCode(200);
        }
        Response limited = given().auth().oauth2(eager).get("/api/limited/marks");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith(PROBLEM);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 5);
        assertThat(limited.jsonPath().getString("type")).isEqualTo("https://ent.example/problems/too-many-requests");

        given().auth().oauth2(TestRealm.person(UUID.randomUUID())).get("/api/limited/marks").then().statusCode(200);
    }

    @Test
    void school_integrations_are_limited_per_client_and_anonymous_calls_per_address() {
        String integration = TestRealm.service("lycee-jean-moulin-sis");
        given().auth().oauth2(integration).get("/api/limited/roster").then().statusCode(200);
        given().auth().oauth2(TestRealm.service("lycee-jean-moulin-sis")).get("/api/limited/roster").then().statusCode(200);
        given().auth().oauth2(integration).get("/api/limited/roster").then().statusCode(429)
                .header("Retry-After", startsWith(""));

        given().get("/api/limited/public/info").then().statusCode(200);
        given().get("/api/limited/public/info").then().statusCode(429).contentType(PROBLEM);
    }

    @Test
    void a_cors_preflight_from_a_front_end_is_answered_without_a_token() {
        given().header("Origin", "https://app.ent.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/echo/absences")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.ent.example")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));

        // The actual call then carries the CORS headers beside the service's own.
        Response actual = given().auth().oauth2(parentToken).header("Origin", "https://app.ent.example")
                .get("/api/echo/ping");
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://app.ent.example");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
        assertThat(actual.jsonPath().getString("instance")).isIn("first", "second");

        Response other = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/echo/absences");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void a_dead_service_answers_502_fast_then_its_circuit_opens() {
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Response response = given().auth().oauth2(parentToken).get("/api/dead/timetable");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.contentType()).startsWith(PROBLEM);
            assertThat(response.jsonPath().getString("type")).isEqualTo("https://ent.example/problems/upstream-unavailable");
            assertThat(response.header("X-Request-Id")).isNotBlank();
        }
        Response open = given().auth().oauth2(parentToken).get("/api/dead/timetable");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.header("Retry-After")).isEqualTo("30");
        assertThat(open.jsonPath().getString("type")).isEqualTo("https://ent.example/problems/service-unavailable");

        echo("/api/echo/still-fine");
    }

    @Test
    void a_slow_service_answers_504_when_its_route_timeout_is_reached() {
        long start = System.nanoTime();
        Response response = given().auth().oauth2(parentToken).get("/api/slow/slow");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.jsonPath().getString("type")).isEqualTo("https://ent.example/problems/upstream-timeout");
        assertThat(took).isBetween(Duration.ofMillis(450), Duration.ofMillis(2_000));
    }

    @Test
    void a_body_over_the_route_limit_is_refused_with_413() {
        byte[] big = new byte[2 * 1024 * 1024];
        Response declared = given().auth().oauth2(parentToken).contentType(ContentType.BINARY).body(big)
                .post("/api/echo/attachments");
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith(PROBLEM);
        assertThat(declared.jsonPath().getString("type")).isEqualTo("https://ent.example/problems/payload-too-large");

        HttpClientResponse chunked = send(HttpMethod.POST, "/api/echo/attachments", request -> {
            request.setChunked(true);
            for (int i = 0; i < 32; i++) {
                request.write(Buffer.buffer(new byte[Upstreams.CHUNK]));
            }
            request.end();
        });
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.getHeader("Content-Type")).startsWith(PROBLEM);
    }

    @Test
    void each_routes_body_limit_stays_within_its_services_own() throws java.io.IOException {
        // A body the gateway lets through but the service refuses is cut off mid-upload (a reset, seen
        // as 502): the gateway must be the one refusing it (413, before any byte reaches the service).
        int compared = 0;
        for (String name : java.util.List.of("identity", "timetable", "homework", "attendance", "grades",
                "messaging", "notification")) {
            Path properties = Path.of("..", name + "-service", "src/main/resources/application.properties");
            if (!Files.exists(properties)) {
                continue; // the gateway built on its own
            }
            java.util.Properties service = new java.util.Properties();
            try (var in = Files.newInputStream(properties)) {
                service.load(in);
            }
            String limit = service.getProperty("quarkus.http.limits.max-body-size", "10240K"); // Quarkus's default
            long serviceLimit = new io.quarkus.runtime.configuration.MemorySizeConverter().convert(limit).asLongValue();
            assertThat(routes.get(name).maxBodyBytes()).as("gateway.routes.%s.max-body-size", name)
                    .isLessThanOrEqualTo(serviceLimit);
            compared++;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(compared > 0, "no service module beside the gateway");
    }

    @Test
    void an_upload_streams_to_the_service_as_it_is_sent() {
        AtomicReference<HttpClientRequest> upload = new AtomicReference<>();
        var response = client.request(options(HttpMethod.POST, "/api/files/upload"))
                .compose(request -> {
                    upload.set(request);
                    request.setChunked(true);
                    request.write(Buffer.buffer(new byte[Upstreams.CHUNK]));
                    return request.response();
                })
                .compose(r -> r.body().map(body -> body.toJsonObject().getLong("bytes")));

        // The service holds the first chunk while the rest has not even been sent.
        await().atMost(Duration.ofSeconds(5)).until(() -> progress() >= Upstreams.CHUNK);
        HttpClientRequest request = upload.get();
        long total = Upstreams.CHUNK;
        for (int i = 0; i < 320; i++) {
            request.write(Buffer.buffer(new byte[Upstreams.CHUNK]));
            total += Upstreams.CHUNK;
        }
        request.end();
        assertThat(join(response)).isEqualTo(total);
    }

    private long progress() {
        return Long.parseLong(given().auth().oauth2(parentToken).get("/api/files/upload/progress").asString());
    }

    @Test
    void a_download_streams_to_the_client_as_the_service_sends_it() {
        long size = 20L * 1024 * 1024;
        AtomicLong received = new AtomicLong();
        var done = client.request(options(HttpMethod.GET, "/api/files/download?size=" + size))
                .compose(HttpClientRequest::send)
                .compose(response -> {
                    response.handler(chunk -> received.addAndGet(chunk.length()));
                    return response.end();
                });
        // The first chunk arrives while the service has not sent the rest yet.
        await().atMost(Duration.ofSeconds(5)).until(() -> received.get() >= Upstreams.CHUNK);
        assertThat(received.get()).isLessThan(size);
        given().auth().oauth2(parentToken).get("/api/files/download/next").then().statusCode(200);
        join(done);
        assertThat(received.get()).isEqualTo(size);
    }

    @Test
    void server_sent_events_pass_one_by_one() throws Exception {
        try (java.net.Socket socket = openEventStream()) {
            String first = RawHttp.readUntilCount(socket, "data: one\n\n", 1);
            assertThat(first).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/event-stream")
                    .doesNotContain("two");

            given().auth().oauth2(parentToken).get("/api/files/events/next").then().statusCode(200);
            String all = first + RawHttp.readUntilCount(socket, "data: two\n\n", 1);
            assertThat(all.indexOf("data: one\n\n")).isLessThan(all.indexOf("data: two\n\n"));
        }
    }

    @Test
    void when_the_client_leaves_an_event_stream_the_service_sees_it_closed() throws Exception {
        try (java.net.Socket socket = openEventStream()) {
            RawHttp.readUntilCount(socket, "data: one", 1);
            assertThat(given().auth().oauth2(parentToken).get("/api/files/events/closed").asString()).isEqualTo("false");
        }
        // The gateway drops its call too, so a service's subscription does not outlive its listener.
        await().atMost(Duration.ofSeconds(5)).until(() ->
                given().auth().oauth2(parentToken).get("/api/files/events/closed").asString().equals("true"));
    }

    /** A plain socket: what arrives is read as it is, with no client library (and its timing) in between. */
    private java.net.Socket openEventStream() throws java.io.IOException {
        java.net.Socket socket = RawHttp.open(frontDoor.port());
        RawHttp.send(socket, "GET /api/files/events HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer " + parentToken + "\r\n\r\n");
        return socket;
    }

    @Test
    void each_call_leaves_one_access_line_without_the_token_or_the_query() {
        UUID person = UUID.randomUUID();
        String token = TestRealm.person(person);
        String served = "served-" + UUID.randomUUID();
        String refused = "refused-" + UUID.randomUUID();
        String name = "Dupont-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Request-Id", served)
                .get("/api/echo/pupils/42?name=" + name).then().statusCode(200);
        given().header("X-Request-Id", refused).get("/api/echo/pupils/43").then().statusCode(401);

        Path log = Path.of("target/access.log");
        await().atMost(Duration.ofSeconds(5)).until(() -> accessLine(log, refused) != null && accessLine(log, served) != null);
        JsonPath line = new JsonPath(accessLine(log, served));
        assertThat(line.getString("loggerName")).isEqualTo("fr.ent.gateway.access");
        assertThat(line.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.getString("user")).isEqualTo(person.toString());
        assertThat(line.getString("method")).isEqualTo("GET");
        assertThat(line.getString("path")).isEqualTo("/api/echo/pupils/42");
        assertThat(line.getInt("status")).isEqualTo(200);
        assertThat(line.getDouble("durationMs")).isPositive();
        assertThat(line.getString("traceId")).matches("[0-9a-f]{32}");

        JsonPath denied = new JsonPath(accessLine(log, refused));
        assertThat(denied.getString("user")).isEqualTo("-");
        assertThat(denied.getInt("status")).isEqualTo(401);

        String all = read(log);
        assertThat(all).doesNotContain(token).doesNotContain(name);
        assertThat(all.lines().filter(l -> l.contains(served))).hasSize(1);
    }

    private static String accessLine(Path log, String requestId) {
        return read(log).lines().filter(l -> l.contains("\"requestId\":\"" + requestId + "\"")).findFirst().orElse(null);
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void readiness_reports_the_realm_keys_loaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'realm-keys' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'realm-keys' }.data.keys", equalTo(1));
    }

    @Test
    void calls_are_counted_per_service_and_status_class() {
        echo("/api/echo/counted");
        given().get("/api/echo/counted").then().statusCode(401);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("gateway_requests_seconds_count{service=\"echo\",status=\"2xx\"}")
                .contains("gateway_requests_seconds_count{service=\"echo\",status=\"4xx\"}");
    }

    @Test
    void the_swagger_ui_lists_every_service() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/swagger-ui/index.html").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/q/openapi/attendance"));
    }

    @Test
    void each_services_openapi_document_is_served_by_the_gateway() {
        given().get("/q/openapi/echo?format=json").then().statusCode(200)
                .body("uri", equalTo("/q/openapi?format=json"));
        given().get("/q/openapi/nothing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void unknown_services_and_tricky_paths_are_problems() {
        given().auth().oauth2(parentToken).get("/api/nothing/here").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://ent.example/problems/not-found"));
        given().auth().oauth2(parentToken).urlEncodingEnabled(false).get("/api/echo/public/..%2Fsecret")
                .then().statusCode(400).contentType(PROBLEM);
    }

    // --- Vert.x client helpers (streaming needs more control than RestAssured gives)

    private RequestOptions options(HttpMethod method, String uri) {
        return new RequestOptions().setMethod(method).setHost(gateway.getHost()).setPort(gateway.getPort())
                .setURI(uri).putHeader("Authorization", "Bearer " + parentToken);
    }

    private HttpClientResponse send(HttpMethod method, String uri, java.util.function.Consumer<HttpClientRequest> writer) {
        return join(client.request(options(method, uri)).compose(request -> {
            writer.accept(request);
            return request.response();
        }).compose(response -> response.body().map(body -> response)));
    }

    private static <T> T join(io.vertx.core.Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
