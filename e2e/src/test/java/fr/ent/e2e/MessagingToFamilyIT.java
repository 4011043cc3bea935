package fr.ent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.NotificationStream;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A parent writes to Léa's teacher, the teacher replies, and the parent is told on their live
 * stream (« Nouveau message de Claire Martin »), never with the text; Thomas Petit, another family
 * of 4A, gets nothing and cannot read the thread; Sophie cannot write to Thomas (refused by name).
 * The in-app notice is recorded at once whatever the hour (quiet hours hold e-mails only).
 */
class MessagingToFamilyIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);

    private final UUID jeanMoulin = Demo.school("jeanMoulin");
    private final Person claire = Demo.person("claire");
    private final Person thomas = Demo.person("thomas");

    @Test
    void a_parent_writes_to_leas_teacher_the_teacher_replies_and_the_parent_is_told() {
        try (NotificationStream sophie = NotificationStream.open("sophie");
             NotificationStream other = NotificationStream.open("thomas")) {
            String subject = "Sortie " + UUID.randomUUID().toString().substring(0, 8);
            String question = Gateway.as("sophie").body(Map.of("schoolId", jeanMoulin.toString(), "subject", subject,
                            "body", "Léa pourra-t-elle venir ?", "to", List.of(Map.of("personId", claire.id().toString()))))
                    .post("/api/messaging/messages").then().statusCode(201).extract().path("message.id");
            Gateway.as("claire").get("/api/messaging/messages/{id}", question).then().statusCode(200);
            String reply = Gateway.as("claire").body(Map.of("body", "Oui, bien sûr.", "all", false))
                    .post("/api/messaging/messages/{id}/reply", question).then().statusCode(201).extract().path("message.id");

            Predicate<JsonNode> theReply = n -> n.path("link").asText().endsWith("/messagerie/messages/" + reply);
            await("Claire's reply on Sophie's stream").atMost(DELIVERY)
                    .untilAsserted(() -> assertThat(sophie.events(theReply)).hasSize(1));
            JsonNode notice = sophie.events(theReply).get(0).data();
            assertThat(notice.path("type").asText()).isEqualTo("message");
            assertThat(notice.path("title").asText()).isEqualTo("Nouveau message de Claire Martin");
            assertThat(notice.toString()).doesNotContain("bien sûr").doesNotContain(subject);
            assertThat(other.events(theReply)).isEmpty();

            String conversation = Gateway.as("sophie").get("/api/messaging/messages/{id}", reply).then().statusCode(200)
                    .extract().path("conversationId");
            Gateway.as("sophie").get("/api/messaging/conversations/{id}", conversation).then().statusCode(200);
            Gateway.as("thomas").get("/api/messaging/conversations/{id}", conversation).then().statusCode(404);
            Gateway.as("lea").get("/api/messaging/messages/{id}", reply).then().statusCode(404);
            String refusal = Gateway.as("sophie").body(Map.of("schoolId", jeanMoulin.toString(), "subject", "Anniversaire",
                            "body", "Invitation", "to", List.of(Map.of("personId", thomas.id().toString()))))
                    .post("/api/messaging/messages").then().statusCode(422).extract().path("detail");
            assertThat(refusal).contains("Thomas Petit");
        }
    }
}
