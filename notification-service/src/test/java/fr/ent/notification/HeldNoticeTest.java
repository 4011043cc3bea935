package fr.ent.notification;

import fr.ent.events.EventConsumer;
import fr.ent.notification.fanout.FanOut;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class HeldNoticeTest extends NotificationScenario {

    @Inject
    EventConsumer events;
    @Inject
    FanOut fanOut;

    @Test
    void a_new_notifier_holds_guardians_back_two_hours_after_the_pupil_without_touching_the_core() {
        Family family = Family.create(directory, contacts, "Maël");
        ConsumerRecord<String, String> record = new ConsumerRecord<>("ent.grades", 0, 0L, family.pupil().toString(),
                "{\"pupilId\":\"" + family.pupil() + "\",\"subject\":\"mathématiques\"}");
        for (String[] h : new String[][]{{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                {"ce_source", "/grades-service"}, {"ce_type", MarkPublishedTestNotifier.TYPE},
                {"ce_time", TUESDAY_10H.toOffsetDateTime().toString()}, {"ce_schoolid", family.school().toString()}}) {
            record.headers().add(new RecordHeader(h[0], h[1].getBytes(StandardCharsets.UTF_8)));
        }
        events.handleOnce("notification.test", record, fanOut::handle);

        assertThat(inboxSize(family.pupil(), family.school(), "pupil")).isEqualTo(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(12))
                .until(() -> inboxSize(family.mother(), family.school(), "parent") == 0);

        clock.set(TUESDAY_10H.plusHours(2).plusSeconds(1).toInstant());
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxSize(family.mother(), family.school(), "parent") == 1
                && inboxSize(family.father(), family.school(), "parent") == 1);
        assertThat(given().auth().oauth2(TestTokens.parent(family.mother(), family.school())).get("/api/notification/inbox")
                .then().extract().jsonPath().getString("items[0].title")).isEqualTo("Nouvelle note de Maël");
        // A mark is in-app only by default: no e-mail was planned.
        assertThat(given().auth().oauth2(TestTokens.parent(family.mother(), family.school())).get("/api/notification/preferences")
                .then().extract().jsonPath().getString("find { it.type == 'grade' && it.channel == 'EMAIL' }.mode")).isEqualTo("OFF");
    }

    private int inboxSize(UUID person, UUID school, String role) {
        return given().auth().oauth2(TestTokens.person(person).roles(role).schools(school).sign())
                .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath().getList("items").size();
    }
}
