package fr.ent.notification;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.ServiceSmokeTest;
import fr.ent.testservers.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Starts, reports UP with its database and Kafka checks, and answers bad input with problem details. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class NotificationSmokeTest extends ServiceSmokeTest {

    /** The service reads JSON only on PUT (preferences); the malformed-JSON check below uses it. */
    @Override
    protected String jsonEndpoint() {
        return "/api/notification/preferences/absence/EMAIL";
    }

    @Override
    @Test
    protected void malformed_json_is_a_400_problem() {
        given().auth().oauth2(jsonEndpointToken())
                .contentType(ContentType.JSON)
                .body("{\"mode\": ")
                .when().put(jsonEndpoint())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ent.example/problems/malformed-json"))
                .body("detail", containsString("not valid JSON"));
    }
}
