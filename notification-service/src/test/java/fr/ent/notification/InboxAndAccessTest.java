package fr.ent.notification;

import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class InboxAndAccessTest extends NotificationScenario {


    @Test
    void one_feed_for_all_of_a_guardians_children_each_tagged_newest_first_paged_and_filterable() {
        Family family = Family.create(directory, contacts, "Léa");
        UUID brother = family.addChild(directory, "Tom");

        family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
        TopicWriter.publish(brother.toString(), new fr.ent.events.contract.attendance.AbsenceRecorded(UUID.randomUUID(), brother,
                family.school(), family.classId(), at(TUESDAY_10H.withHour(9)), at(TUESDAY_10H.withHour(10)), null, false),
                family.school());
        family.absent(at(TUESDAY_10H.withHour(13)), at(TUESDAY_10H.withHour(14)));
        JsonPath all = awaitInbox(family.mother(), family.school(), 3);

        List<Long> seqs = all.getList("items.seq", Long.class);
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(all.getList("items.child.firstName", String.class)).containsExactlyInAnyOrder("Léa", "Tom", "Léa");
        assertThat(all.getLong("total")).isEqualTo(3);
        assertThat(all.getLong("unread")).isEqualTo(3);

        String mother = TestTokens.parent(family.mother(), family.school());
        JsonPath page = given().auth().oauth2(mother).queryParam("size", 2).queryParam("page", 1)
                .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getLong("items[0].seq")).isEqualTo(seqs.get(2));

        JsonPath onlyTom = given().auth().oauth2(mother).queryParam("childId", brother)
                .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(onlyTom.getList("items.child.firstName", String.class)).containsExactly("Tom");
        assertThat(onlyTom.getString("items[0].title")).isEqualTo("Absence de Tom");

        JsonPath unread = given().auth().oauth2(mother).get("/api/notification/inbox/unread-count")
                .then().statusCode(200).extract().jsonPath();
        assertThat(unread.getLong("unread")).isEqualTo(3);
        assertThat(unread.getList("children.firstName", String.class)).containsExactly("Léa", "Tom");
        assertThat(unread.getList("children.unread", Long.class)).containsExactly(2L, 1L);

        String tomsId = onlyTom.getString("items[0].id");
        given().auth().oauth2(mother).post("/api/notification/inbox/" + tomsId + "/read").then().statusCode(204);
        given().auth().oauth2(mother).get("/api/notification/inbox/unread-count")
                .then().statusCode(200).body("unread", equalTo(2));
        given().auth().oauth2(mother).queryParam("childId", family.pupil()).post("/api/notification/inbox/read-all")
                .then().statusCode(200).body("marked", equalTo(2));
        JsonPath after = given().auth().oauth2(mother).get("/api/notification/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("items.read", Boolean.class)).containsOnly(true);
        assertThat(after.getLong("unread")).isZero();
    }

    @Test
    void a_parent_cannot_read_nor_mark_another_parents_notifications() {
        Family a = Family.create(directory, contacts, "Camille");
        Family b = Family.inSchoolOf(a, directory, contacts, "Malo");
        a.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
        JsonPath aInbox = awaitInbox(a.mother(), a.school(), 1);
        String aNotification = aInbox.getString("items[0].id");

        String bToken = TestTokens.parent(b.mother(), b.school());
        JsonPath bInbox = given().auth().oauth2(bToken).get("/api/notification/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(bInbox.getList("items")).isEmpty();
        // Asking for A's child changes nothing: the inbox is always the caller's own.
        given().auth().oauth2(bToken).queryParam("childId", a.pupil()).get("/api/notification/inbox")
                .then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        given().auth().oauth2(bToken).post("/api/notification/inbox/" + aNotification + "/read")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(bToken).post("/api/notification/inbox/read-all").then().statusCode(200).body("marked", equalTo(0));
        inbox(a.mother(), a.school()).getBoolean("items[0].read");
        assertThat(inbox(a.mother(), a.school()).getBoolean("items[0].read")).isFalse();
    }

    @Test
    void deny_by_default_without_a_persons_token() {
        given().get("/api/notification/inbox").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired()).get("/api/notification/inbox").then().statusCode(401);
        given().auth().oauth2(TestTokens.tampered()).get("/api/notification/inbox").then().statusCode(401);
        given().auth().oauth2(TestTokens.service("gateway")).get("/api/notification/inbox").then().statusCode(403);
        given().auth().oauth2(TestTokens.service("gateway")).get("/api/notification/preferences").then().statusCode(403);
    }

    @Test
    void preferences_list_the_defaults_and_keep_a_persons_choice() {
        UUID parent = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        String token = TestTokens.parent(parent, school);
        JsonPath prefs = given().auth().oauth2(token).get("/api/notification/preferences").then().statusCode(200).extract().jsonPath();
        assertThat(prefs.getString("find { it.type == 'absence' && it.channel == 'EMAIL' }.mode")).isEqualTo("IMMEDIATE");
        assertThat(prefs.getString("find { it.type == 'absence' && it.channel == 'IN_APP' }.mode")).isEqualTo("IMMEDIATE");
        assertThat(prefs.getString("find { it.type == 'absence' && it.channel == 'IN_APP' }.label")).isEqualTo("Absences");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mode\":\"DIGEST\"}")
                .put("/api/notification/preferences/absence/EMAIL").then().statusCode(200).body("mode", equalTo("DIGEST"));
        given().auth().oauth2(token).get("/api/notification/preferences").then().statusCode(200)
                .body("find { it.type == 'absence' && it.channel == 'EMAIL' }.mode", equalTo("DIGEST"));
        // Someone else's defaults are untouched.
        given().auth().oauth2(TestTokens.parent(UUID.randomUUID(), school)).get("/api/notification/preferences").then()
                .body("find { it.type == 'absence' && it.channel == 'EMAIL' }.mode", equalTo("IMMEDIATE"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mode\":\"DIGEST\"}")
                .put("/api/notification/preferences/absence/IN_APP").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mode\":\"LOUD\"}")
                .put("/api/notification/preferences/absence/EMAIL").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"mode\":\"OFF\"}")
                .put("/api/notification/preferences/horoscope/EMAIL").then().statusCode(404);
    }

    @Test
    void an_inspector_has_an_inbox_preferences_quiet_slots_and_a_home_of_their_own_and_no_schools_quiet_hours() {
        UUID school = Family.create(directory, contacts, "Inès").school();
        String inspector = TestTokens.inspector(UUID.randomUUID(), school);
        given().auth().oauth2(inspector).get("/api/notification/inbox").then().statusCode(200);
        given().auth().oauth2(inspector).get("/api/notification/inbox/unread-count").then().statusCode(200);
        given().auth().oauth2(inspector).get("/api/notification/preferences").then().statusCode(200);
        given().auth().oauth2(inspector).contentType(ContentType.JSON).body("{\"mode\":\"DIGEST\"}")
                .put("/api/notification/preferences/absence/EMAIL").then().statusCode(200).body("mode", equalTo("DIGEST"));
        given().auth().oauth2(inspector).get("/api/notification/me/quiet-slots").then().statusCode(200);
        given().auth().oauth2(inspector).get("/api/notification/home").then().statusCode(200);
        given().auth().oauth2(inspector).get("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(403);
    }

    @Test
    void a_schools_staff_may_move_its_quiet_hours_and_nobody_else() {
        UUID school = Family.create(directory, contacts, "Jade").school();
        String staff = TestTokens.staff(UUID.randomUUID(), school);
        given().auth().oauth2(staff).get("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(200)
                .body("eveningStart", equalTo("20:00:00")).body("morningEnd", equalTo("07:00:00")).body("weekend", equalTo(true));
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"eveningStart\":\"21:00\",\"morningEnd\":\"06:30\",\"weekend\":true}")
                .put("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(200);
        given().auth().oauth2(staff).get("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(200)
                .body("eveningStart", equalTo("21:00:00"));
        given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), UUID.randomUUID()))
                .get("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(404);
        given().auth().oauth2(TestTokens.parent(UUID.randomUUID(), school))
                .get("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(403);
        // a school that does not exist is a 404 even for the admin, and nothing is stored for it
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.platformAdmin()).contentType(ContentType.JSON)
                .body("{\"eveningStart\":\"21:00\",\"morningEnd\":\"06:30\",\"weekend\":true}")
                .put("/api/notification/schools/" + unknown + "/quiet-hours").then().statusCode(404);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/notification/schools/" + school + "/quiet-hours")
                .then().statusCode(200).body("eveningStart", equalTo("21:00:00"));
    }

    @Test
    void quiet_hours_without_weekend_are_refused_instead_of_turning_weekend_quiet_hours_off() {
        UUID school = Family.create(directory, contacts, "Inès").school();
        String staff = TestTokens.staff(UUID.randomUUID(), school);
        for (String body : List.of("{\"eveningStart\":\"21:00\",\"morningEnd\":\"06:30\"}",
                "{\"eveningStart\":\"21:00\",\"morningEnd\":\"06:30\",\"weekend\":null}")) {
            given().auth().oauth2(staff).contentType(ContentType.JSON).body(body)
                    .put("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ent.example/problems/validation-failed"))
                    .body("errors[0].field", equalTo("weekend"))
                    .body("errors[0].message", equalTo("is required (a boolean)"));
        }
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("")
                .put("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(400)
                .body("type", equalTo("https://ent.example/problems/missing-body"));
        // nothing changed: still the national default, weekend included
        given().auth().oauth2(staff).get("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(200)
                .body("eveningStart", equalTo("20:00:00")).body("weekend", equalTo(true));
        // an explicit false is a choice, and is kept
        given().auth().oauth2(staff).contentType(ContentType.JSON)
                .body("{\"eveningStart\":\"21:00\",\"morningEnd\":\"06:30\",\"weekend\":false}")
                .put("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(200);
        given().auth().oauth2(staff).get("/api/notification/schools/" + school + "/quiet-hours").then().statusCode(200)
                .body("weekend", equalTo(false));
    }

    @Test
    void an_inbox_page_beyond_the_bound_is_a_400_naming_page() {
        given().auth().oauth2(TestTokens.parent(UUID.randomUUID(), UUID.randomUUID()))
                .queryParam("page", Integer.MAX_VALUE).get("/api/notification/inbox").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }
}
