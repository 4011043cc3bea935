package fr.ent.notification;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A person's own quiet slots (right to disconnect): set by themselves, applied to their e-mails only. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class QuietSlotsTest extends NotificationScenario {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_mothers_tuesday_morning_slot_holds_her_email_until_noon_but_not_the_fathers_nor_her_inbox() throws Exception {
        Family family = Family.create(directory, contacts, "Zoé");
        String mother = TestTokens.parent(family.mother(), family.school());
        given().auth().oauth2(mother).contentType(ContentType.JSON)
                .body("{\"slots\":[{\"day\":\"TUESDAY\",\"from\":\"09:00\",\"until\":\"12:00\"},"
                        + "{\"day\":\"SUNDAY\",\"from\":\"18:00\",\"until\":\"00:00\"}]}")
                .put("/api/notification/me/quiet-slots").then().statusCode(200).body("slots", hasSize(2));
        given().auth().oauth2(mother).get("/api/notification/me/quiet-slots").then().statusCode(200)
                .body("slots[0].day", equalTo("TUESDAY")).body("slots[0].until", equalTo("12:00:00"))
                .body("slots[1].until", equalTo("00:00:00"));
        given().auth().oauth2(TestTokens.parent(family.father(), family.school())).get("/api/notification/me/quiet-slots")
                .then().statusCode(200).body("slots", hasSize(0));

        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9))); // Tuesday 10:00 on the clock
        assertThat(awaitInbox(family.mother(), family.school(), 1).getList("items")).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> dueAt(family.mother()) != null || sentTo(family.mother()));
        assertThat(dueAt(family.mother())).isEqualTo(TUESDAY_10H.withHour(12).toInstant());
        await().atMost(Duration.ofSeconds(60)).until(() -> sentTo(family.father()));
    }

    @Test
    void slots_are_refused_by_field_when_they_end_before_they_start_or_miss_a_day_and_nothing_changes() {
        Family family = Family.create(directory, contacts, "Noé");
        String mother = TestTokens.parent(family.mother(), family.school());
        given().auth().oauth2(mother).contentType(ContentType.JSON)
                .body("{\"slots\":[{\"day\":\"MONDAY\",\"from\":\"19:00\",\"until\":\"20:00\"}]}")
                .put("/api/notification/me/quiet-slots").then().statusCode(200);
        given().auth().oauth2(mother).contentType(ContentType.JSON)
                .body("{\"slots\":[{\"day\":\"MONDAY\",\"from\":\"12:00\",\"until\":\"09:00\"}]}")
                .put("/api/notification/me/quiet-slots").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("slots[0].until"));
        given().auth().oauth2(mother).contentType(ContentType.JSON)
                .body("{\"slots\":[{\"from\":\"12:00\",\"until\":\"13:00\"}]}")
                .put("/api/notification/me/quiet-slots").then().statusCode(400);
        given().auth().oauth2(mother).contentType(ContentType.JSON).body("{\"slots\":[{\"day\":\"LUNDI\"}]}")
                .put("/api/notification/me/quiet-slots").then().statusCode(400);
        given().auth().oauth2(mother).get("/api/notification/me/quiet-slots").then().statusCode(200)
                .body("slots", hasSize(1)).body("slots[0].from", equalTo("19:00:00"));
    }

    @Test
    void a_token_without_a_person_has_no_quiet_slots_and_no_token_is_a_401() {
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/notification/me/quiet-slots").then().statusCode(403);
        given().get("/api/notification/me/quiet-slots").then().statusCode(401);
    }

    private Instant dueAt(UUID recipient) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select due_at from delivery where recipient_id = ? and status = 'PENDING'")) {
            q.setObject(1, recipient);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private boolean sentTo(UUID recipient) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select 1 from delivery where recipient_id = ? and status = 'SENT'")) {
            q.setObject(1, recipient);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }
}
