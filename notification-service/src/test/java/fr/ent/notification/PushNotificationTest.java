package fr.ent.notification;

import fr.ent.notification.push.PushSender;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Web push, end to end: a device subscribes, an absence is pushed, the loopback push service decrypts it. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class PushNotificationTest extends NotificationScenario {

    private static final String PLATFORM_KEY = "BMG1eWtR6G0k6L7oPK-2FF_y6guAfqvOc2q3FY98F4P8ySEXGNSTxY1nF1jzAnsXa9oqgJhDzDhC9wGjVlIaIi4";
    private static LoopbackPushService pushService;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PushSender sender;

    @BeforeAll
    static void startPushService() throws Exception {
        pushService = new LoopbackPushService(PLATFORM_KEY);
    }

    @AfterAll
    static void stopPushService() {
        pushService.close();
    }

    @AfterEach
    void everyRequestWasSignedAndEncrypted() {
        assertThat(pushService.refused).isEmpty();
    }

    @Test
    void an_absence_reaches_the_guardians_phone_signed_encrypted_and_in_french() throws Exception {
        Family family = Family.create(directory, contacts, "Léa");
        LoopbackPushService.Device phone = subscribe(family.mother(), family.school());

        var absence = family.absence(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
        fr.ent.testkit.TopicWriter.publish(family.pupil().toString(), absence, family.school());

        await().atMost(Duration.ofSeconds(60)).until(() -> phone.received.size() == 1);
        LoopbackPushService.Received push = phone.received.get(0);
        JsonPath json = JsonPath.from(push.json());
        assertThat(json.getString("title")).isEqualTo("Absence de Léa");
        assertThat(json.getString("body")).contains("Absence de Léa enregistrée le mardi 24 novembre 2026 de 8 h 00 à 9 h 00");
        assertThat(json.getString("url")).isEqualTo("/vie-scolaire/absences/" + absence.absenceId());
        assertThat(json.getString("tag")).isNotBlank();
        assertThat(json.getMap("")).containsOnlyKeys("title", "body", "url", "tag"); // nothing beyond what the inbox shows
        assertThat(push.headers().get("Urgency")).containsExactly("high");
        assertThat(push.headers().get("Ttl")).containsExactly(String.valueOf(Duration.ofHours(12).toSeconds()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries(family.mother())).contains("PUSH:SENT"));
        // The father has no device: no push is even queued for him.
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(family.father()).contains("EMAIL:SENT"));
        assertThat(deliveries(family.father())).doesNotContain("PUSH:PENDING", "PUSH:SENT", "PUSH:SKIPPED");
        assertThat(devices(family.mother(), family.school()).getString("[0].lastSuccessAt")).isNotNull();

        // A restart, or a second instance claiming again, finds nothing left to push.
        assertThat(QuarkusTransaction.requiringNew().call(() -> sendOne())).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> phone.received.size() == 1);
    }

    @Test
    void a_guardian_who_turned_push_off_for_absences_gets_no_push() throws Exception {
        Family family = Family.create(directory, contacts, "Noah");
        LoopbackPushService.Device phone = subscribe(family.mother(), family.school());
        given().auth().oauth2(TestTokens.parent(family.mother(), family.school()))
                .contentType(ContentType.JSON).body("{\"mode\":\"OFF\"}")
                .put("/api/notification/preferences/absence/PUSH").then().statusCode(200).body("mode", equalTo("OFF"));
        // Push has no daily digest.
        given().auth().oauth2(TestTokens.parent(family.mother(), family.school()))
                .contentType(ContentType.JSON).body("{\"mode\":\"DIGEST\"}")
                .put("/api/notification/preferences/absence/PUSH").then().statusCode(400);

        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
        awaitInbox(family.mother(), family.school(), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(family.mother()).contains("EMAIL:SENT"));
        assertThat(deliveries(family.mother())).containsExactly("EMAIL:SENT");
        assertThat(phone.received).isEmpty();
    }

    @Test
    void a_mark_is_not_pushed_by_default_and_push_is_a_column_of_the_preferences() {
        UUID parent = UUID.randomUUID();
        JsonPath prefs = given().auth().oauth2(TestTokens.parent(parent, UUID.randomUUID())).get("/api/notification/preferences")
                .then().statusCode(200).extract().jsonPath();
        assertThat(prefs.getString("find { it.type == 'absence' && it.channel == 'PUSH' }.mode")).isEqualTo("IMMEDIATE");
        assertThat(prefs.getString("find { it.type == 'grade' && it.channel == 'PUSH' }.mode")).isEqualTo("OFF");
        assertThat(prefs.getString("find { it.type == 'message' && it.channel == 'PUSH' }.defaultMode")).isEqualTo("OFF");
    }

    @Test
    void inside_quiet_hours_the_push_waits_for_the_morning() throws Exception {
        ZonedDateTime tuesday21h = TUESDAY_10H.withHour(21);
        clock.set(tuesday21h.toInstant());
        Family family = Family.create(directory, contacts, "Inès");
        LoopbackPushService.Device phone = subscribe(family.mother(), family.school());
        family.absent(at(tuesday21h.withHour(15)), at(tuesday21h.withHour(17)));

        awaitInbox(family.mother(), family.school(), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pushDueAt(family.mother()) != null);
        assertThat(pushDueAt(family.mother())).isEqualTo(TUESDAY_10H.plusDays(1).withHour(7).toInstant());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(phone.received::isEmpty);

        clock.set(TUESDAY_10H.plusDays(1).withHour(7).plusSeconds(30).toInstant()); // Wednesday, 07:00:30
        await().atMost(Duration.ofSeconds(30)).until(() -> phone.received.size() == 1);
        assertThat(JsonPath.from(phone.received.get(0).json()).getString("title")).isEqualTo("Absence d" + "e Inès");
    }

    @Test
    void a_device_the_push_service_says_is_gone_is_forgotten() throws Exception {
        Family family = Family.create(directory, contacts, "Hugo");
        LoopbackPushService.Device oldPhone = subscribe(family.mother(), family.school());
        oldPhone.answerNext(410);
        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));

        await().atMost(Duration.ofSeconds(60)).until(() -> devices(family.mother(), family.school()).getList("").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(family.mother()).contains("PUSH:SKIPPED"));
        assertThat(oldPhone.received).isEmpty();
    }

    @Test
    void a_busy_push_service_is_tried_again_later_and_the_device_gets_it_once() throws Exception {
        Family family = Family.create(directory, contacts, "Jade");
        LoopbackPushService.Device phone = subscribe(family.mother(), family.school());
        phone.answerNext(503, 429);
        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));

        await().atMost(Duration.ofSeconds(60)).until(() -> phone.received.size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries(family.mother())).contains("PUSH:SENT"));
        assertThat(attempts(family.mother())).isEqualTo(3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> phone.received.size() == 1);
    }

    @Test
    void a_subscription_that_is_not_a_push_service_or_has_bad_keys_is_refused_naming_the_field_and_nothing_is_stored() {
        UUID parent = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        String token = TestTokens.parent(parent, school);
        LoopbackPushService.Device phone = pushService.device();
        String good = phone.subscriptionJson();
        String[][] bad = {
                {good.replace(phone.endpoint, "http://push.example.com/x"), "endpoint"},
                {good.replace(phone.endpoint, "ftp://127.0.0.1/x"), "endpoint"},
                {good.replace(phone.p256dh(), phone.p256dh().substring(4)), "keys.p256dh"},
                {good.replace(phone.p256dh(), "not base64 at all!"), "keys.p256dh"},
                {good.replace(phone.authSecret(), phone.authSecret() + "AAAA"), "keys.auth"},
                {"{\"endpoint\":\"" + phone.endpoint + "\"}", "keys.p256dh"},
        };
        for (String[] b : bad) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(b[0])
                    .put("/api/notification/me/push-subscriptions")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(b[1]));
        }
        assertThat(devices(parent, school).getList("")).isEmpty();

        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON).body(good)
                .put("/api/notification/me/push-subscriptions").then().statusCode(403);
        given().contentType(ContentType.JSON).body(good).put("/api/notification/me/push-subscriptions").then().statusCode(401);
        given().auth().oauth2(token).get("/api/notification/push/public-key").then().statusCode(200)
                .body("publicKey", equalTo(PLATFORM_KEY));
    }

    @Test
    void someone_elses_device_cannot_be_forgotten_and_ones_own_can() {
        Family family = Family.create(directory, contacts, "Zoé");
        LoopbackPushService.Device phone = subscribe(family.mother(), family.school());
        given().auth().oauth2(TestTokens.parent(family.father(), family.school())).queryParam("endpoint", phone.endpoint)
                .delete("/api/notification/me/push-subscriptions").then().statusCode(404);
        JsonPath mine = devices(family.mother(), family.school());
        assertThat(mine.getList("endpoint")).containsExactly(phone.endpoint);
        assertThat(mine.getString("[0].label")).isEqualTo("Firefox sur Android");
        assertThat(mine.getMap("[0]")).doesNotContainKeys("p256dh", "auth", "keys");

        given().auth().oauth2(TestTokens.parent(family.mother(), family.school()))
                .delete("/api/notification/me/push-subscriptions").then().statusCode(422).body("errors[0].field", equalTo("endpoint"));
        given().auth().oauth2(TestTokens.parent(family.mother(), family.school())).queryParam("endpoint", phone.endpoint)
                .delete("/api/notification/me/push-subscriptions").then().statusCode(204);
        assertThat(devices(family.mother(), family.school()).getList("")).isEmpty();
    }

    private LoopbackPushService.Device subscribe(UUID person, UUID school) {
        LoopbackPushService.Device device = pushService.device();
        given().auth().oauth2(TestTokens.parent(person, school)).contentType(ContentType.JSON).body(device.subscriptionJson())
                .put("/api/notification/me/push-subscriptions").then().statusCode(200).body("endpoint", equalTo(device.endpoint));
        return device;
    }

    private static JsonPath devices(UUID person, UUID school) {
        return given().auth().oauth2(TestTokens.parent(person, school)).get("/api/notification/me/push-subscriptions")
                .then().statusCode(200).extract().jsonPath();
    }

    private boolean sendOne() {
        return sender.sendOne();
    }

    private List<String> deliveries(UUID recipient) throws Exception {
        List<String> rows = new ArrayList<>();
        query("select channel || ':' || status from delivery where recipient_id = ?", recipient, rs -> rows.add(rs.getString(1)));
        return rows;
    }

    private Instant pushDueAt(UUID recipient) throws Exception {
        List<Instant> due = new ArrayList<>();
        query("select due_at from delivery where recipient_id = ? and channel = 'PUSH' and status = 'PENDING'", recipient,
                rs -> due.add(rs.getTimestamp(1).toInstant()));
        return due.isEmpty() ? null : due.get(0);
    }

    private int attempts(UUID recipient) throws Exception {
        List<Integer> n = new ArrayList<>();
        query("select attempts from delivery where recipient_id = ? and channel = 'PUSH'", recipient, rs -> n.add(rs.getInt(1)));
        return n.get(0);
    }

    private interface Row {
        void read(ResultSet rs) throws Exception;
    }

    private void query(String sql, UUID recipient, Row row) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, recipient);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
