package fr.ent.testservers;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every service must show once started against the real servers: ready with its database
 * checked, metrics, its OpenAPI document, and problem details for bad requests. A service's test
 * is a few lines:
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(PostgresAndKafka.class)
 * class TimetableServiceSmokeTest extends ServiceSmokeTest {
 *     @Override protected String jsonEndpoint() { return "/api/timetables"; }
 * }
 * }</pre>
 */
public abstract class ServiceSmokeTest {

    public static final String PROBLEM_JSON = "application/problem+json";

    /** A POST endpoint of the service that reads a JSON body (override the malformed-JSON test for another method). */
    protected abstract String jsonEndpoint();

    /** A token allowed to POST to {@link #jsonEndpoint()} (so the request gets as far as reading the body). */
    protected String jsonEndpointToken() {
        return TestTokens.person(UUID.randomUUID())
                .roles("pupil", "parent", "teacher", "staff", "admin", "service")
                .schools(UUID.randomUUID())
                .sign();
    }

    @Test
    void is_ready_and_its_readiness_checks_the_database() {
        // Like a readiness probe: a check may still be warming up (e.g. Kafka's first admin call
        // on a busy machine), so wait for UP, then look at what was checked.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Database') }.status", is("UP"));
    }

    @Test
    void is_live() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"));
    }

    @Test
    void serves_prometheus_metrics() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(anyOf(startsWith("text/plain"), startsWith("application/openmetrics-text")))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void publishes_its_openapi_document_and_swagger_ui() {
        given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", notNullValue());
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .body(containsString("swagger"));
    }

    /** The service's own OpenAPI document, for a service's test to check what is particular to it. */
    protected ValidatableResponse openApiDocument() {
        return given().accept(ContentType.JSON).when().get("/q/openapi?format=json").then().statusCode(200);
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        given().when().get("/api/nope")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://ent.example/problems/not-found"))
                .body("title", notNullValue())
                .body("status", equalTo(404))
                .body("detail", containsString("/api/nope"))
                .body("instance", equalTo("/api/nope"));
    }

    @Test
    protected void malformed_json_is_a_400_problem() {
        given().auth().oauth2(jsonEndpointToken())
                .contentType(ContentType.JSON)
                .body("{\"oops\": ")
                .when().post(jsonEndpoint())
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://ent.example/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"));
    }
}
