package fr.ent.notification;

import fr.ent.events.EventConsumer;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.notification.fanout.FanOut;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.Smtp;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class AbsenceNotificationTest extends NotificationScenario {

    @Inject
    FanOut fanOut;
    @Inject
    EventConsumer events;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_absence_reaches_each_guardian_once_in_the_inbox_and_by_email_in_french_about_the_right_child() throws Exception {
        Family family = Family.create(directory, contacts, "Léa");
        AbsenceRecorded absence = family.absence(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
        TopicWriter.publish(family.pupil().toString(), absence, family.school());

        for (UUID guardian : List.of(family.mother(), family.father())) {
            JsonPath inbox = awaitInbox(guardian, family.school(), 1);
            assertThat(inbox.getString("items[0].type")).isEqualTo("absence");
            assertThat(inbox.getString("items[0].title")).isEqualTo("Absence de Léa");
            assertThat(inbox.getString("items[0].body"))
                    .contains("Absence de Léa enregistrée le mardi 24 novembre 2026 de 8 h 00 à 9 h 00");
            assertThat(inbox.getString("items[0].child.id")).isEqualTo(family.pupil().toString());
            assertThat(inbox.getString("items[0].child.firstName")).isEqualTo("Léa");
            assertThat(inbox.getBoolean("items[0].read")).isFalse();
            assertThat(inbox.getLong("unread")).isEqualTo(1);
        }

        for (String address : List.of(family.motherEmail(), family.fatherEmail())) {
            Smtp.Mail mail = Smtp.shared().awaitMessages(1, m -> m.to().contains(address), Duration.ofSeconds(60)).get(0);
            assertThat(mail.subject()).isEqualTo(family.schoolName() + " : Absence de Léa");
            assertThat(mail.contentType()).startsWith("multipart/");
            assertThat(mail.from()).isEqualTo("ne-pas-repondre@ent.example");
            String text = mail.text();
            assertThat(text)
                    .contains("Bonjour,")
                    .contains("Absence de Léa enregistrée le mardi 24 novembre 2026 de 8 h 00 à 9 h 00")
                    .contains(family.schoolName())
                    .contains("http://localhost:8080/vie-scolaire/absences/" + absence.absenceId())
                    .contains("<html lang=\"fr\">")
                    .doesNotContain("Martin"); // no last name, nothing beyond what the family needs
        }
        // The server holds the message a moment before the sender commits SENT.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deliveries(family.mother())).containsExactly("EMAIL:SENT"));
    }

    @Test
    void a_redelivered_or_reprocessed_event_tells_nobody_twice() throws Exception {
        Family family = Family.create(directory, contacts, "Hugo");
        AbsenceRecorded absence = family.absence(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(10)));
        UUID eventId = UUID.randomUUID();
        TopicWriter.publish(eventId, family.pupil().toString(), absence, family.school());
        TopicWriter.publish(eventId, family.pupil().toString(), absence, family.school()); // Kafka redelivery
        awaitInbox(family.mother(), family.school(), 1);
        Smtp.shared().awaitMessages(1, m -> m.to().contains(family.motherEmail()), Duration.ofSeconds(60));

        // A restarted consumer handing the same record again: the processed-event log skips it.
        ConsumerRecord<String, String> record = new ConsumerRecord<>("ent.attendance", 0, 0L, family.pupil().toString(),
                fr.ent.events.EventJson.write(absence));
        for (String[] h : new String[][]{{"ce_specversion", "1.0"}, {"ce_id", eventId.toString()}, {"ce_source", "/attendance-service"},
                {"ce_type", AbsenceRecorded.TYPE}, {"ce_schoolid", family.school().toString()}}) {
            record.headers().add(new RecordHeader(h[0], h[1].getBytes(StandardCharsets.UTF_8)));
        }
        events.handleOnce("notification.attendance", record, fanOut::handle);

        // Even past that log (lost, or two instances racing on it), the inbox and deliveries hold one row each.
        var event = fr.ent.events.IncomingEvent.from(record);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> fanOut.handle(event)));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> fanOut.handle(event)));
        CompletableFuture.allOf(a, b).get();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(13)).untilAsserted(() -> {
            assertThat(Smtp.shared().messagesTo(family.motherEmail())).hasSize(1);
            assertThat(Smtp.shared().messagesTo(family.fatherEmail())).hasSize(1);
        });
        assertThat(inbox(family.mother(), family.school()).getList("items")).hasSize(1);
        assertThat(inbox(family.father(), family.school()).getList("items")).hasSize(1);
        assertThat(deliveries(family.mother())).containsExactly("EMAIL:SENT");
    }

    @Test
    void quiet_hours_defer_the_email_to_monday_morning_but_the_inbox_has_it_at_once() throws Exception {
        ZonedDateTime friday21h = ZonedDateTime.of(2026, 11, 27, 21, 0, 0, 0, PARIS);
        clock.set(friday21h.toInstant());
        Family family = Family.create(directory, contacts, "Inès");
        family.absent(at(friday21h.withHour(15)), at(friday21h.withHour(17)));

        assertThat(awaitInbox(family.mother(), family.school(), 1).getString("items[0].title")).isEqualTo("Absence d" + "e Inès");
        await().atMost(Duration.ofSeconds(10)).until(() -> dueAt(family.mother()) != null);
        assertThat(dueAt(family.mother())).isEqualTo(ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, PARIS).toInstant());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(13))
                .until(() -> Smtp.shared().messagesTo(family.motherEmail()).isEmpty());

        clock.set(ZonedDateTime.of(2026, 11, 30, 7, 0, 30, 0, PARIS).toInstant()); // Monday, 07:00:30
        Smtp.shared().awaitMessages(1, m -> m.to().contains(family.motherEmail()), Duration.ofSeconds(60));
        Smtp.shared().awaitMessages(1, m -> m.to().contains(family.fatherEmail()), Duration.ofSeconds(60));
    }

    @Test
    void a_guardian_who_turned_absence_emails_off_gets_the_inbox_entry_only() throws Exception {
        Family family = Family.create(directory, contacts, "Noah");
        given().auth().oauth2(TestTokens.parent(family.mother(), family.school()))
                .contentType(ContentType.JSON).body("{\"mode\":\"OFF\"}")
                .put("/api/notification/preferences/absence/EMAIL")
                .then().statusCode(200);
        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));

        awaitInbox(family.mother(), family.school(), 1);
        awaitInbox(family.father(), family.school(), 1);
        Smtp.shared().awaitMessages(1, m -> m.to().contains(family.fatherEmail()), Duration.ofSeconds(60));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(12))
                .until(() -> Smtp.shared().messagesTo(family.motherEmail()).isEmpty());
        assertThat(deliveries(family.mother())).isEmpty();
    }

    @Test
    void a_daily_digest_gathers_the_days_emails_at_six_pm() {
        Family family = Family.create(directory, contacts, "Jade");
        given().auth().oauth2(TestTokens.parent(family.mother(), family.school()))
                .contentType(ContentType.JSON).body("{\"mode\":\"DIGEST\"}")
                .put("/api/notification/preferences/absence/EMAIL")
                .then().statusCode(200);
        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
        family.absent(at(TUESDAY_10H.withHour(14)), at(TUESDAY_10H.withHour(15)));
        awaitInbox(family.mother(), family.school(), 2);
        Smtp.shared().awaitMessages(2, m -> m.to().contains(family.fatherEmail()), Duration.ofSeconds(60));
        assertThat(Smtp.shared().messagesTo(family.motherEmail())).isEmpty();

        clock.set(TUESDAY_10H.withHour(18).plusMinutes(1).toInstant());
        Smtp.Mail digest = Smtp.shared().awaitMessages(1, m -> m.to().contains(family.motherEmail()), Duration.ofSeconds(60)).get(0);
        assertThat(digest.subject()).isEqualTo(family.schoolName() + " : 2 nouvelles notifications");
        assertThat(digest.text()).contains("de 8 h 00 à 9 h 00").contains("de 14 h 00 à 15 h 00");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(12))
                .until(() -> Smtp.shared().messagesTo(family.motherEmail()).size() == 1);
    }

    List<String> deliveries(UUID recipient) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select channel || ':' || status from delivery where recipient_id = ?")) {
            q.setObject(1, recipient);
            try (ResultSet rs = q.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                return rows;
            }
        }
    }

    Instant dueAt(UUID recipient) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select due_at from delivery where recipient_id = ? and status = 'PENDING'")) {
            q.setObject(1, recipient);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
