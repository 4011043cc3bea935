package fr.ent.notification;

import fr.ent.events.contract.homework.FeedbackReturned;
import fr.ent.events.contract.homework.HandInReceived;
import fr.ent.events.contract.homework.WorkDueReminder;
import fr.ent.events.contract.homework.WorkSet;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * homework's events as homework-service publishes them: work set reaches the pupil and the guardians
 * from its publication time; the reminder only the pupils named; a hand-in the teacher; feedback the
 * pupil. French texts, never a title or instructions (the events have none).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class HomeworkNotificationTest extends NotificationScenario {

    private static io.restassured.path.json.JsonPath inboxOf(UUID person, UUID school, String role) {
        return given().auth().oauth2(TestTokens.person(person).roles(role).schools(school).sign())
                .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath();
    }

    private static int size(UUID person, UUID school, String role) {
        return inboxOf(person, school, role).getList("items").size();
    }

    @Test
    void work_set_reaches_the_pupil_and_the_guardians_from_its_publication_time_never_earlier() {
        Family family = Family.create(directory, contacts, "Léa");
        UUID work = UUID.randomUUID();
        var visibleFrom = TUESDAY_10H.plusHours(2);
        var dueOn = TUESDAY_10H.toLocalDate().plusDays(2);
        TopicWriter.publish(work.toString(), new WorkSet(work, family.school(), family.classId(), "MATHS", UUID.randomUUID(),
                "HAND_IN", dueOn, at(dueOn.atTime(8, 0).atZone(PARIS)), List.of(family.pupil()), at(visibleFrom)), family.school());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15))
                .until(() -> size(family.pupil(), family.school(), "pupil") == 0);
        clock.set(visibleFrom.plusSeconds(1).toInstant());
        await().atMost(Duration.ofSeconds(60)).until(() -> size(family.pupil(), family.school(), "pupil") == 1
                && size(family.mother(), family.school(), "parent") == 1 && size(family.father(), family.school(), "parent") == 1);
        var pupil = inboxOf(family.pupil(), family.school(), "pupil");
        assertThat(pupil.getString("items[0].title")).isEqualTo("Travail à faire en mathématiques");
        assertThat(pupil.getString("items[0].body")).isEqualTo("Un travail à rendre de mathématiques pour le jeudi 26 novembre.");
        assertThat(pupil.getString("items[0].type")).isEqualTo("homework");
        assertThat(inbox(family.mother(), family.school()).getString("items[0].body"))
                .isEqualTo("Pour Léa : un travail à rendre de mathématiques pour le jeudi 26 novembre.");
    }

    @Test
    void the_reminder_goes_to_the_pupils_named_a_hand_in_to_the_teacher_feedback_to_the_pupil() {
        Family family = Family.create(directory, contacts, "Hugo");
        UUID work = UUID.randomUUID();
        UUID teacher = UUID.randomUUID();
        TopicWriter.publish(work.toString(), new WorkDueReminder(work, family.school(), family.classId(), "FRANCAIS", "READING",
                TUESDAY_10H.toLocalDate().plusDays(1), List.of(family.pupil())), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> size(family.pupil(), family.school(), "pupil") == 1);
        assertThat(inboxOf(family.pupil(), family.school(), "pupil").getString("items[0].body"))
                .isEqualTo("À faire : une lecture de français pour demain.");
        assertThat(size(family.mother(), family.school(), "parent")).isZero();

        TopicWriter.publish(work.toString(), new HandInReceived(work, family.school(), family.pupil(), teacher, "FRANCAIS",
                at(TUESDAY_10H), true, 1), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> size(teacher, family.school(), "teacher") == 1);
        assertThat(inboxOf(teacher, family.school(), "teacher").getString("items[0].body")).endsWith("a rendu son travail de français (en retard).");

        TopicWriter.publish(work.toString(), new FeedbackReturned(work, family.school(), family.pupil(), teacher, "FRANCAIS",
                at(TUESDAY_10H)), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> size(family.pupil(), family.school(), "pupil") == 2);
        assertThat(inboxOf(family.pupil(), family.school(), "pupil").getList("items.title", String.class)).contains("Correction de français");
        assertThat(size(family.mother(), family.school(), "parent")).isZero();
    }
}
