package fr.ent.messaging;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, both ways, in one table: each actor against a message Claire Martin wrote to
 * Léa's mother (reading it, its thread, reporting it), the school's rule table (reading, adjusting),
 * its broadcasts and its reports, and one's own mailbox. Not-yours is 404; a role that never may is
 * 403; no or bad token 401. Reads and refused writes only: an allowed write gets an empty body (400).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AuthorizationMatrixTest {

    @Inject
    DirectoryProjection projection;

    Scene s;
    String message;
    String conversation;

    @BeforeEach
    void seed() {
        s = Scene.create(projection);
        var sent = Scene.as(s.claire).body(Scene.message(s.school, "Sortie", "Jeudi", List.of(Scene.to(s.sophie))))
                .post("/api/messaging/messages").then().statusCode(201).extract().jsonPath();
        message = sent.getString("message.id");
        conversation = sent.getString("message.conversationId");
    }

    /** Expected statuses: read message, read thread, report it, read rules, adjust rules ({}), list reports, broadcast ({}), own mailbox. */
    record Row(String actor, Function<Scene, String> token, int readMessage, int readThread, int report, int readRules,
               int adjustRules, int reports, int broadcast, int mailbox) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("the teacher who wrote it", x -> x.claire.token(), 200, 200, 403, 200, 403, 403, 403, 200),
            new Row("the guardian it went to", x -> x.sophie.token(), 200, 200, 400, 200, 403, 403, 403, 200),
            new Row("another family of the class", x -> x.thomas.token(), 404, 404, 404, 200, 403, 403, 403, 200),
            new Row("the pupil, not in the thread", x -> x.lea.token(), 404, 404, 404, 200, 403, 403, 403, 200),
            new Row("another teacher of the school", x -> x.julien.token(), 404, 404, 403, 200, 403, 403, 403, 200),
            new Row("staff of the school (do not read the school's mail)", x -> x.karim.token(), 404, 404, 403, 200, 400, 200, 400, 200),
            new Row("staff of another school", x -> x.isabelle.token(), 404, 404, 403, 404, 404, 404, 404, 200),
            new Row("platform admin, who has no person (no mailbox)", x -> TestTokens.platformAdmin(), 403, 403, 403, 200, 400, 200, 403, 403),
            new Row("the school's integration", x -> TestTokens.integration("jean-moulin-sis", x.school), 403, 403, 403, 200, 403, 403, 403, 403),
            new Row("no token", x -> null, 401, 401, 401, 401, 401, 401, 401, 401),
            new Row("expired token", x -> TestTokens.expired(x.karim.id(), x.school, "staff"), 401, 401, 401, 401, 401, 401, 401, 401));

    @Test
    void every_actor_gets_exactly_what_the_rules_allow() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (Row row : MATRIX) {
            String token = row.token().apply(s);
            check(failures, row.actor() + " reading the message", row.readMessage(),
                    request(token).get("/api/messaging/messages/" + message).statusCode());
            check(failures, row.actor() + " reading the thread", row.readThread(),
                    request(token).get("/api/messaging/conversations/" + conversation).statusCode());
            check(failures, row.actor() + " reporting it (empty body)", row.report(),
                    request(token).body(row.report() == 400 ? Map.of() : Map.of("reason", "OTHER"))
                            .post("/api/messaging/messages/" + message + "/report").statusCode());
            check(failures, row.actor() + " reading the rules", row.readRules(),
                    request(token).get("/api/messaging/schools/" + s.school + "/rules").statusCode());
            check(failures, row.actor() + " adjusting the rules", row.adjustRules(),
                    request(token).body(row.adjustRules() == 400 ? Map.of()
                                    : List.of(Map.of("sender", "PUPIL", "recipient", "PUPIL", "reach", "ANY")))
                            .put("/api/messaging/schools/" + s.school + "/rules").statusCode());
            check(failures, row.actor() + " listing reports", row.reports(),
                    request(token).get("/api/messaging/schools/" + s.school + "/reports").statusCode());
            check(failures, row.actor() + " broadcasting", row.broadcast(),
                    request(token).body(row.broadcast() == 400 ? Map.of()
                                    : Map.of("subject", "Info", "body", "Texte", "wholeSchool", true))
                            .post("/api/messaging/schools/" + s.school + "/broadcasts").statusCode());
            check(failures, row.actor() + " reading their mailbox", row.mailbox(),
                    request(token).get("/api/messaging/mailbox").statusCode());
        }
        assertThat(failures).isEmpty();
        // Nothing a refused caller did changed anything: the rule table is the default, no broadcast, no report.
        Scene.as(s.karim).get("/api/messaging/schools/" + s.school + "/rules").then()
                .body("find { it.sender == 'PUPIL' && it.recipient == 'PUPIL' }.reach", org.hamcrest.Matchers.equalTo("NONE"));
        Scene.as(s.karim).get("/api/messaging/schools/" + s.school + "/broadcasts").then().body("$", org.hamcrest.Matchers.empty());
        Scene.as(s.karim).get("/api/messaging/schools/" + s.school + "/reports").then().body("$", org.hamcrest.Matchers.empty());
    }

    private static void check(Map<String, String> failures, String what, int want, int got) {
        if (got != want) {
            failures.put(what, "got " + got + ", want " + want);
        }
    }

    private static RequestSpecification request(String token) {
        RequestSpecification r = given().contentType("application/json");
        return token == null ? r : r.auth().oauth2(token);
    }
}
