package fr.ent.notification;

import fr.ent.events.contract.messaging.BroadcastToAcknowledge;
import fr.ent.events.contract.messaging.MessageReceived;
import fr.ent.events.contract.messaging.MessageRecalled;
import fr.ent.events.contract.messaging.ReportMade;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messaging's events as messaging-service publishes them: the recipient hears who wrote, never
 * what; a family hears of an information to acknowledge and of its reminder; the school's staff
 * hear of a report.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class MessagingNotificationTest extends NotificationScenario {

    @TestHTTPResource("/api/notification/stream")
    URI stream;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_recalled_message_takes_its_notice_back_from_the_inbox_the_held_email_and_the_open_stream() throws Exception {
        ZonedDateTime tuesday21h = TUESDAY_10H.withHour(21); // quiet hours: the e-mail waits for 07:00
        clock.set(tuesday21h.toInstant());
        Family family = Family.create(directory, contacts, "Jade");
        UUID recalled = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        try (RawStream live = new RawStream(stream, TestTokens.parent(family.mother(), family.school()))) {
            live.readUntil(":open\n");
            TopicWriter.publish(family.mother().toString(), new MessageReceived(recalled, UUID.randomUUID(), family.school(),
                    family.mother(), family.father(), "GUARDIAN", at(tuesday21h)), family.school());
            TopicWriter.publish(family.mother().toString(), new MessageReceived(kept, UUID.randomUUID(), family.school(),
                    family.mother(), family.father(), "GUARDIAN", at(tuesday21h)), family.school());
            var inbox = awaitInbox(family.mother(), family.school(), 2);
            String recalledNotice = inbox.getString("items.find { it.link.endsWith('" + recalled + "') }.id");
            live.readUntil("/messagerie/messages/" + kept);
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingEmails(family.mother()) == 2);

            TopicWriter.publish(family.mother().toString(), new MessageRecalled(recalled, family.school(), family.mother(),
                    family.father(), at(tuesday21h.plusMinutes(5))), family.school());
            String received = live.readUntil(recalledNotice + "\"]}");
            assertThat(received.substring(received.lastIndexOf("/messagerie/messages/" + kept))).contains("notification-removed");
        }
        var after = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(family.mother(), family.school()),
                j -> j.getList("items").size() == 1);
        assertThat(after.getString("items[0].link")).endsWith("/messagerie/messages/" + kept);
        assertThat(pendingEmails(family.mother())).as("the recalled message's e-mail is never sent; the other's still waits")
                .isEqualTo(1);
    }

    private int pendingEmails(UUID recipient) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from delivery where recipient_id = ? and status = 'PENDING'")) {
            q.setObject(1, recipient);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void a_message_received_says_who_wrote_and_nothing_of_what() {
        Family family = Family.create(directory, contacts, "Léa");
        UUID message = UUID.randomUUID();
        TopicWriter.publish(family.mother().toString(), new MessageReceived(message, UUID.randomUUID(), family.school(),
                family.mother(), family.father(), "GUARDIAN", at(TUESDAY_10H)), family.school());
        var inbox = awaitInbox(family.mother(), family.school(), 1);
        assertThat(inbox.getString("items[0].title")).isEqualTo("Nouveau message de Paul Martin");
        assertThat(inbox.getString("items[0].type")).isEqualTo("message");
        assertThat(inbox.getString("items[0].link")).endsWith("/messagerie/messages/" + message);
        assertThat(inbox(family.father(), family.school()).getList("items")).isEmpty();
    }

    @Test
    void a_family_hears_of_an_information_to_acknowledge_then_of_its_reminder() {
        Family family = Family.create(directory, contacts, "Hugo");
        UUID broadcast = UUID.randomUUID();
        TopicWriter.publish(family.mother().toString(), new BroadcastToAcknowledge(broadcast, family.school(), family.mother(),
                UUID.randomUUID(), false, at(TUESDAY_10H)), family.school());
        TopicWriter.publish(family.mother().toString(), new BroadcastToAcknowledge(broadcast, family.school(), family.mother(),
                UUID.randomUUID(), true, at(TUESDAY_10H.plusDays(2))), family.school());
        var inbox = awaitInbox(family.mother(), family.school(), 2);
        assertThat(inbox.getList("items.title", String.class))
                .containsExactlyInAnyOrder("Information de l'établissement à confirmer", "Rappel : information à confirmer");
        assertThat(inbox(family.father(), family.school()).getList("items")).isEmpty();
    }

    @Test
    void the_schools_staff_hear_of_a_report() {
        Family family = Family.create(directory, contacts, "Emma");
        SchoolWorld world = new SchoolWorld();
        Person cpe = world.knownSchool(family.school(), family.schoolName()).staff("Karim", "Benali");
        world.publish();
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.staffOf(family.school()).contains(cpe.id()));
        TopicWriter.publish(family.school().toString(), new ReportMade(UUID.randomUUID(), UUID.randomUUID(), family.school(),
                "GUARDIAN", at(TUESDAY_10H)), family.school());
        var inbox = await().atMost(Duration.ofSeconds(90)).until(() -> given().auth().oauth2(TestTokens.staff(cpe.id(), family.school()))
                .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath(), j -> j.getList("items").size() >= 1);
        assertThat(inbox.getString("items[0].title")).isEqualTo("Message signalé");
        assertThat(inbox.getString("items[0].body")).contains("une famille");
        assertThat(inbox(family.mother(), family.school()).getList("items")).isEmpty();
    }
}
