package fr.ent.notification;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fr.ent.testservers.ContractAnswers.keep;
import static io.restassured.RestAssured.given;

/**
 * Real answers (the inbox page, the home, preferences, quiet hours, a problem) kept for contract-tests, which
 * decodes them with the Java client generated from this service's OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class ContractAnswersTest {

    @Inject
    DirectoryProjection projection;

    @Test
    void a_parents_inbox_and_choices_are_kept_for_the_generated_clients() {
        UUID school = UUID.randomUUID();
        // quiet hours are a known school's: the directory learns of it as from identity
        QuarkusTransaction.requiringNew().run(() ->
                projection.apply(DirectoryEvents.event(DirectoryEvents.school(school, "Collège du contrat"))));
        String parent = TestTokens.parent(UUID.randomUUID(), school);
        String staff = TestTokens.staff(UUID.randomUUID(), school);
        keep("page", as(parent).get("/api/notification/inbox")).then().statusCode(200);
        keep("unread", as(parent).get("/api/notification/inbox/unread-count")).then().statusCode(200);
        keep("markAllRead", as(parent).post("/api/notification/inbox/read-all")).then().statusCode(200);
        keep("home", as(parent).get("/api/notification/home")).then().statusCode(200);
        keep("mine", as(parent).get("/api/notification/preferences")).then().statusCode(200);
        keep("choosePreference", as(parent).body(Map.of("mode", "OFF"))
                .put("/api/notification/preferences/absence/EMAIL")).then().statusCode(200);
        keep("get", as(staff).get("/api/notification/schools/" + school + "/quiet-hours")).then().statusCode(200);
        keep("markRead", as(parent).post("/api/notification/inbox/" + UUID.randomUUID() + "/read")).then().statusCode(404);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
