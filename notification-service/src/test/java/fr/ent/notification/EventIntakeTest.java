package fr.ent.notification;

import fr.ent.events.contract.attendance.AbsenceThresholdReached;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.events.contract.identity.PersonUpserted;
import fr.ent.testkit.TopicReader;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.Smtp;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class EventIntakeTest extends NotificationScenario {

    static final String DLQ = "ent.dlq.notification-service";

    @Test
    void malformed_and_unknown_events_go_to_the_dead_letter_topic_with_the_reason_and_the_next_one_is_processed() {
        Family family = Family.create(directory, contacts, "Lina");
        String key = family.pupil().toString();
        // Not JSON at all.
        TopicWriter.publishRaw("ent.attendance", key, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/attendance-service", "ce_type", "fr.ent.attendance.absence-recorded.v1",
                "content-type", "application/json"), "{ not json");
        // JSON of the wrong shape (no pupil).
        TopicWriter.publishRaw("ent.attendance", key, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/attendance-service", "ce_type", "fr.ent.attendance.absence-recorded.v1",
                "content-type", "application/json"), "{\"absenceId\":\"" + UUID.randomUUID() + "\"}");
        // A type nobody here knows.
        TopicWriter.publishRaw("ent.attendance", key, Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/attendance-service", "ce_type", "fr.ent.attendance.something-new.v1",
                "content-type", "application/json"), "{}");
        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));

        JsonPath inbox = awaitInbox(family.mother(), family.school(), 1);
        assertThat(inbox.getString("items[0].title")).isEqualTo("Absence de Lina");

        List<TopicReader.Event> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> TopicReader.read(DLQ, family.pupil()), l -> l.size() >= 3);
        assertThat(dead).hasSize(3);
        assertThat(dead.stream().map(r -> r.header("dead-letter-reason")).toList())
                .allSatisfy(reason -> assertThat(reason).isNotBlank())
                .anySatisfy(reason -> assertThat(reason).contains("something-new"));
        assertThat(dead).anySatisfy(r -> assertThat(r.value()).isEqualTo("{ not json"));
    }

    @Test
    void a_threshold_alert_reaches_the_guardians_and_the_schools_staff() {
        Family family = Family.create(directory, contacts, "Sacha");
        UUID cpe = UUID.randomUUID();
        TopicWriter.publish(cpe.toString(), new PersonUpserted(cpe, PersonRole.STAFF, "Nadia", "Benali",
                List.of(family.school()), true, 1), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.staffOf(family.school()).contains(cpe));

        TopicWriter.publish(family.pupil().toString(), new AbsenceThresholdReached(family.pupil(), family.school(), "2026-11", 4),
                family.school());

        JsonPath mother = awaitInbox(family.mother(), family.school(), 1);
        assertThat(mother.getString("items[0].type")).isEqualTo("absence-threshold");
        assertThat(mother.getString("items[0].body"))
                .isEqualTo("Sacha compte 4 demi-journées d'absence non justifiées en novembre 2026. "
                        + "Merci de justifier ces absences ou de prendre contact avec la vie scolaire.");
        JsonPath staff = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.staff(cpe, family.school()))
                .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath(), j -> j.getList("items").size() == 1);
        assertThat(staff.getString("items[0].title")).isEqualTo("Seuil d'absences atteint : Sacha Martin");
        assertThat(staff.getString("items[0].child.firstName")).isEqualTo("Sacha");
        Smtp.Mail mail = Smtp.shared().awaitMessages(1, m -> m.to().contains(family.fatherEmail()), Duration.ofSeconds(60)).get(0);
        assertThat(mail.subject()).isEqualTo(family.schoolName() + " : Absences non justifiées de Sacha");
    }
}
