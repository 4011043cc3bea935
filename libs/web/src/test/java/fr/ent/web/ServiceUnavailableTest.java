package fr.ent.web;

import fr.ent.web.problem.TransientFailure;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An unreachable database answers 503 + Retry-After, a bug still 500. The same request against a
 * real database that is stopped and restarted is tested in libs/events (DatabaseOutageTest).
 */
@QuarkusTest
class ServiceUnavailableTest {

    @Test
    void a_request_that_cannot_reach_the_database_answers_503_with_retry_after_and_a_problem() {
        given().get("/api/outage/database-down").then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("https://ent.example/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("instance", equalTo("/api/outage/database-down"))
                .body("detail", containsString("Retry"));
    }

    @Test
    void a_bug_involving_sql_is_still_a_500_without_retry_after() {
        given().get("/api/outage/bad-sql").then()
                .statusCode(500)
                .header("Retry-After", (String) null)
                .body("type", equalTo("https://ent.example/problems/internal-error"))
                .body("detail", containsString("Reference"));
    }

    @Test
    void the_classification_follows_the_cause_chain_and_the_sql_state() {
        assertThat(TransientFailure.isTransient(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("sorry, too many clients already", "53300"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
        assertThat(TransientFailure.isTransient(new SQLTransientConnectionException("pool"))).isTrue();
        assertThat(TransientFailure.isTransient(new IllegalStateException(new ConnectException("Connection refused")))).isTrue();

        assertThat(TransientFailure.isTransient(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(TransientFailure.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(TransientFailure.isTransient(new IllegalArgumentException("bad payload"))).isFalse();
        Exception loop = new Exception("loop");
        RuntimeException outer = new RuntimeException(loop);
        loop.initCause(outer);
        assertThat(TransientFailure.isTransient(outer)).as("a cause cycle ends").isFalse();
    }
}
