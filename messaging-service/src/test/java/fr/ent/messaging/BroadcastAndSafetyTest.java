package fr.ent.messaging;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.ent.messaging.Scene.as;
import static fr.ent.messaging.Scene.message;
import static fr.ent.messaging.Scene.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Broadcasts with acknowledgement, reports and blocks, auto-replies. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class BroadcastAndSafetyTest {

    static final String TOPIC = "ent.messaging";

    @Inject
    DirectoryProjection projection;

    @Inject
    PlatformClock platformClock;

    @Inject
    SchoolClock clock;

    Scene s;

    @BeforeEach
    void seed() {
        s = Scene.create(projection);
    }

    String broadcasts() {
        return "/api/messaging/schools/" + s.school + "/broadcasts";
    }

    @Test
    void staff_broadcast_to_a_level_each_family_acknowledges_and_staff_remind_those_who_have_not() {
        String id = as(s.karim).body(Map.of("subject", "Sortie de fin d'année", "body", "Merci d'en prendre connaissance.",
                        "levels", List.of("4e")))
                .post(broadcasts()).then().statusCode(201)
                .body("families", equalTo(3)).body("acknowledged", equalTo(0)).extract().path("id");
        as(s.sophie).get("/api/messaging/mailbox").then().body("items.id", contains(id));
        // Families do not see each other.
        as(s.sophie).get("/api/messaging/messages/" + id).then().body("to", empty()).body("cc", empty())
                .body("bcc.id", contains(s.sophie.id().toString()))
                .body("acknowledgement.acknowledged", equalTo(false));
        as(s.sophie).post("/api/messaging/broadcasts/" + id + "/acknowledge").then().statusCode(204);
        as(s.sophie).get("/api/messaging/messages/" + id).then().body("acknowledgement.acknowledged", equalTo(true))
                .body("acknowledgement.acknowledgedAt", notNullValue());
        as(s.karim).get("/api/messaging/messages/" + id).then().body("acknowledgement", nullValue());
        as(s.sophie).post("/api/messaging/broadcasts/" + id + "/acknowledge").then().statusCode(204);
        as(s.lea).post("/api/messaging/broadcasts/" + id + "/acknowledge").then().statusCode(403);
        as(s.karim).get(broadcasts() + "/" + id).then().statusCode(200)
                .body("acknowledged", equalTo(1)).body("notAcknowledged", equalTo(2))
                .body("acknowledgedBy.name", contains("Sophie Dubois"))
                .body("waitingFor.name", containsInAnyOrder("Thomas Petit", "Nadia Leroy"));
        as(s.karim).post(broadcasts() + "/" + id + "/remind").then().statusCode(200).body("reminded", equalTo(2));
        var thomas = TopicReader.await(TOPIC, s.thomas.id(), "fr.ent.messaging.broadcast-to-acknowledge.v1", 2);
        assertThat(thomas).extracting(e -> e.data().get("reminder").asBoolean()).containsExactly(false, true);
        assertThat(thomas.get(0).value()).doesNotContain("Sortie");
        assertThat(TopicReader.read(TOPIC, s.sophie.id())).filteredOn(e -> e.type().endsWith("broadcast-to-acknowledge.v1")).hasSize(1);
        as(s.isabelle).get(broadcasts() + "/" + id).then().statusCode(404);
        as(s.claire).get(broadcasts() + "/" + id).then().statusCode(403);
    }

    @Test
    void broadcasts_are_for_staff_only_and_stop_when_mass_sending_is_off() {
        as(s.claire).body(Map.of("subject", "x", "body", "y", "wholeSchool", true)).post(broadcasts()).then().statusCode(403);
        as(s.isabelle).body(Map.of("subject", "x", "body", "y", "wholeSchool", true)).post(broadcasts()).then().statusCode(404);
        as(TestTokens.platformAdmin()).body(Map.of("messaging", true, "massSending", false))
                .put("/api/messaging/schools/" + s.school + "/switches").then().statusCode(200);
        as(s.karim).body(Map.of("subject", "x", "body", "y", "wholeSchool", true)).post(broadcasts()).then().statusCode(423)
                .body("detail", containsString("suspendus"));
        as(s.sophie).get("/api/messaging/mailbox").then().body("items", empty());
        // A single message still goes.
        as(s.karim).body(message(s.school, "Cantine", "Menu", List.of(to(s.sophie)))).post("/api/messaging/messages")
                .then().statusCode(201);
    }

    @Test
    void a_guardian_reports_a_message_staff_see_it_hide_it_and_block_its_sender() {
        String id = as(s.claire).body(message(s.school, "Travail", "Message déplacé", List.of(to(s.sophie))))
                .post("/api/messaging/messages").then().statusCode(201).extract().path("message.id");
        // Staff do not read the school's mail otherwise.
        as(s.karim).get("/api/messaging/messages/" + id).then().statusCode(404);
        as(s.thomas).body(Map.of("reason", "INSULT")).post("/api/messaging/messages/" + id + "/report").then().statusCode(404);
        as(s.claire).body(Map.of("reason", "INSULT")).post("/api/messaging/messages/" + id + "/report").then().statusCode(403);
        as(s.sophie).body(Map.of("reason", "INSULT")).post("/api/messaging/messages/" + id + "/report").then().statusCode(201);
        as(s.sophie).body(Map.of("reason", "INSULT")).post("/api/messaging/messages/" + id + "/report").then().statusCode(409);
        var made = TopicReader.await(TOPIC, s.school, "fr.ent.messaging.report-made.v1", 1);
        assertThat(made.get(0).data().get("messageId").asText()).isEqualTo(id);
        assertThat(made.get(0).value()).doesNotContain("déplacé").doesNotContain("INSULT");

        String report = as(s.karim).get("/api/messaging/schools/" + s.school + "/reports").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].message.body", equalTo("Message déplacé"))
                .body("[0].reporterName", equalTo("Sophie Dubois")).extract().path("[0].id");
        as(s.isabelle).get("/api/messaging/schools/" + s.school + "/reports").then().statusCode(404);
        as(s.karim).post("/api/messaging/schools/" + s.school + "/reports/" + report + "/hide").then().statusCode(200)
                .body("status", equalTo("HIDDEN"));
        as(s.sophie).get("/api/messaging/messages/" + id).then().statusCode(404);
        as(s.sophie).get("/api/messaging/mailbox").then().body("items", empty());
        as(s.karim).body(Map.of("personId", s.sophie.id(), "days", 7))
                .post("/api/messaging/schools/" + s.school + "/reports/" + report + "/block").then().statusCode(400);
        as(s.karim).body(Map.of("personId", s.claire.id(), "days", 7))
                .post("/api/messaging/schools/" + s.school + "/reports/" + report + "/block").then().statusCode(200);
        as(s.claire).body(message(s.school, "Encore", "Texte", List.of(to(s.lea)))).post("/api/messaging/messages")
                .then().statusCode(403).body("detail", containsString("suspendu"));
        platformClock.set(clock.instant().plus(Duration.ofDays(8)));
        as(s.claire).body(message(s.school, "Encore", "Texte", List.of(to(s.lea)))).post("/api/messaging/messages")
                .then().statusCode(201);
    }

    @Test
    void who_writes_to_someone_away_gets_their_auto_reply() {
        as(s.claire).body(Map.of("startsAt", clock.now().minusHours(1).toString(), "endsAt", clock.now().plusDays(3).toString(),
                "reply", "Je suis en formation jusqu'à jeudi.")).put("/api/messaging/me/away").then().statusCode(200);
        as(s.claire).body(Map.of("startsAt", clock.now().toString(), "endsAt", clock.now().minusDays(1).toString(),
                "reply", "x")).put("/api/messaging/me/away").then().statusCode(400);
        as(s.sophie).body(message(s.school, "Question", "Bonjour", List.of(to(s.claire)))).post("/api/messaging/messages")
                .then().statusCode(201).body("autoReplies[0].name", equalTo("Claire Martin"))
                .body("autoReplies[0].reply", containsString("formation"));
        as(s.claire).get("/api/messaging/me/away").then().statusCode(200).body("reply", notNullValue());
        as(s.claire).delete("/api/messaging/me/away").then().statusCode(204);
        as(s.sophie).body(message(s.school, "Question", "Bonjour", List.of(to(s.claire)))).post("/api/messaging/messages")
                .then().statusCode(201).body("autoReplies", empty());
        as(s.claire).get("/api/messaging/me/away").then().statusCode(204);
    }
}
