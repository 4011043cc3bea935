package fr.ent.notification;

import fr.ent.events.contract.grades.MarkChanged;
import fr.ent.events.contract.grades.MarksPublished;
import fr.ent.events.contract.grades.ReportCardPublished;
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
 * Marks published on ent.grades as grades-service publishes them: the pupil is told at the pupils'
 * time and the guardians at the guardians' time, never earlier; no mark is in any text.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class GradesNotificationTest extends NotificationScenario {

    private int inboxSize(UUID person, UUID school, String role) {
        return given().auth().oauth2(TestTokens.person(person).roles(role).schools(school).sign())
                .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void the_pupil_hears_of_a_mark_the_next_day_and_the_guardians_the_day_after_never_earlier() {
        Family family = Family.create(directory, contacts, "Léa");
        UUID assessment = UUID.randomUUID();
        var published = TUESDAY_10H;
        var pupilsAt = TUESDAY_10H.toLocalDate().plusDays(1).atStartOfDay(PARIS);
        var guardiansAt = pupilsAt.plusDays(1);
        TopicWriter.publish(assessment.toString(), new MarksPublished(assessment, family.school(), family.classId(), UUID.randomUUID(),
                "MATHS", UUID.randomUUID(), published.toLocalDate(), List.of(family.pupil()), at(published), at(pupilsAt),
                at(guardiansAt)), family.school());

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15))
                .until(() -> inboxSize(family.pupil(), family.school(), "pupil") == 0
                        && inboxSize(family.mother(), family.school(), "parent") == 0);

        clock.set(pupilsAt.plusSeconds(1).toInstant());
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSize(family.pupil(), family.school(), "pupil") == 1);
        assertThat(inboxSize(family.mother(), family.school(), "parent")).isZero();
        assertThat(inboxSize(family.father(), family.school(), "parent")).isZero();

        clock.set(guardiansAt.plusSeconds(1).toInstant());
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSize(family.mother(), family.school(), "parent") == 1
                && inboxSize(family.father(), family.school(), "parent") == 1);
        var inbox = inbox(family.mother(), family.school());
        assertThat(inbox.getString("items[0].title")).isEqualTo("Nouvelle note de Léa");
        assertThat(inbox.getString("items[0].body")).isEqualTo("Une note de mathématiques de Léa a été publiée.");
        assertThat(inbox.getString("items[0].type")).isEqualTo("grade");
        // A mark is in-app only by default: no e-mail was planned.
        assertThat(given().auth().oauth2(TestTokens.parent(family.mother(), family.school())).get("/api/notification/preferences")
                .then().extract().jsonPath().getString("find { it.type == 'grade' && it.channel == 'EMAIL' }.mode")).isEqualTo("OFF");
    }

    @Test
    void a_changed_mark_already_visible_is_told_at_once() {
        Family family = Family.create(directory, contacts, "Hugo");
        UUID assessment = UUID.randomUUID();
        TopicWriter.publish(assessment.toString(), new MarkChanged(assessment, family.school(), family.classId(), family.pupil(),
                "FRANCAIS", at(TUESDAY_10H), at(TUESDAY_10H.minusDays(1)), at(TUESDAY_10H)), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSize(family.mother(), family.school(), "parent") == 1
                && inboxSize(family.pupil(), family.school(), "pupil") == 1);
        assertThat(inbox(family.mother(), family.school()).getString("items[0].body"))
                .isEqualTo("Une note de français d'Hugo a été modifiée.");
    }

    @Test
    void a_published_report_card_is_told_at_once_to_the_pupil_and_each_guardian() {
        Family family = Family.create(directory, contacts, "Lucas");
        UUID period = UUID.randomUUID();
        TopicWriter.publish(family.pupil().toString(), new ReportCardPublished(period, family.school(), family.classId(),
                family.pupil(), at(TUESDAY_10H)), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSize(family.pupil(), family.school(), "pupil") == 1
                && inboxSize(family.mother(), family.school(), "parent") == 1
                && inboxSize(family.father(), family.school(), "parent") == 1);
        var inbox = inbox(family.father(), family.school());
        assertThat(inbox.getString("items[0].title")).isEqualTo("Bulletin de Lucas disponible");
        assertThat(inbox.getString("items[0].body")).isEqualTo("Le bulletin de Lucas est disponible : téléchargez-le dans l'ENT.");
        assertThat(inbox.getString("items[0].link")).isEqualTo("/notes/bulletins/" + period);
        assertThat(inbox(family.pupil(), family.school()).getString("items[0].title")).isEqualTo("Bulletin disponible");
    }

    @Test
    void notices_name_the_assessment_and_the_period_when_the_events_give_them() {
        Family family = Family.create(directory, contacts, "Inès");
        UUID assessment = UUID.randomUUID();
        TopicWriter.publish(assessment.toString(), new MarksPublished(assessment, family.school(), family.classId(), UUID.randomUUID(),
                "MATHS", UUID.randomUUID(), TUESDAY_10H.toLocalDate(), List.of(family.pupil()), at(TUESDAY_10H.minusDays(2)),
                at(TUESDAY_10H.minusDays(2)), at(TUESDAY_10H.minusDays(1)), "Contrôle chapitre 3"), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSize(family.pupil(), family.school(), "pupil") == 1
                && inboxSize(family.mother(), family.school(), "parent") == 1);
        assertThat(inbox(family.pupil(), family.school()).getString("items[0].title"))
                .isEqualTo("Nouvelle note en mathématiques : Contrôle chapitre 3");
        assertThat(inbox(family.mother(), family.school()).getString("items[0].title"))
                .isEqualTo("Nouvelle note d'Inès : Contrôle chapitre 3");
        assertThat(inbox(family.mother(), family.school()).getString("items[0].body"))
                .isEqualTo("Une note de mathématiques d'Inès a été publiée.");

        TopicWriter.publish(assessment.toString(), new MarkChanged(assessment, family.school(), family.classId(), family.pupil(),
                "MATHS", at(TUESDAY_10H), at(TUESDAY_10H.minusDays(1)), at(TUESDAY_10H), "Contrôle chapitre 3"), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSize(family.pupil(), family.school(), "pupil") == 2);
        assertThat(inbox(family.pupil(), family.school()).getList("items.title"))
                .contains("Note modifiée en mathématiques : Contrôle chapitre 3");

        UUID period = UUID.randomUUID();
        TopicWriter.publish(family.pupil().toString(), new ReportCardPublished(period, family.school(), family.classId(),
                family.pupil(), at(TUESDAY_10H), "1er trimestre"), family.school());
        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSize(family.father(), family.school(), "parent") == 3);
        assertThat(inbox(family.pupil(), family.school()).getList("items.title")).contains("Bulletin du 1er trimestre disponible");
        assertThat(inbox(family.father(), family.school()).getList("items.title"))
                .contains("Bulletin du 1er trimestre d'Inès disponible");
        assertThat(inbox(family.father(), family.school()).getList("items.body"))
                .contains("Le bulletin du 1er trimestre d'Inès est disponible : téléchargez-le dans l'ENT.");
    }
}
