package fr.ent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.MailBox;
import fr.ent.e2e.support.MailBox.Mail;
import fr.ent.e2e.support.NotificationStream;
import fr.ent.e2e.support.Reasons;
import fr.ent.e2e.support.RollCalls;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A teacher's roll call reaches the absent pupil's family, and only them: Claire Martin takes the
 * roll call of 4A with Léa absent; Léa's separated parents, Sophie and Marc, each get the French
 * notification on their live stream, in their inbox and by e-mail; Thomas Petit, whose daughter is
 * in the same class, gets nothing. Then Sophie justifies the absence and the CPE accepts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbsenceToFamilyIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private final UUID jeanMoulin = Demo.school("jeanMoulin");
    private final UUID class4A = Demo.classOf("0750001A", "4A");
    private final Person lea = Demo.person("lea");
    private final Person cpe = Demo.person("cpe");

    private Map<String, Object> quietHoursBefore;
    private RollCalls.Taken rollCall;

    @BeforeAll
    void emailsGoOutAtOnceWhateverTheTime() {
        // E-mails wait during the school's quiet hours (20:00-07:00 and weekends by default): as the
        // CPE, keep them to the last second of the day, weekends included, so that this test does
        // not depend on when it runs (a mail planned in that second waits one second). Restored after.
        quietHoursBefore = Gateway.as("cpe").get("/api/notification/schools/{id}/quiet-hours", jeanMoulin)
                .then().statusCode(200).extract().jsonPath().getMap("$");
        Gateway.as("cpe").body(Map.of("eveningStart", "23:59:59", "morningEnd", "00:00", "weekend", false))
                .put("/api/notification/schools/{id}/quiet-hours", jeanMoulin).then().statusCode(200);
        // Absences are notified in the inbox and by e-mail by default; someone may have changed that.
        for (String guardian : List.of("sophie", "marc")) {
            for (String channel : List.of("IN_APP", "EMAIL")) {
                Gateway.as(guardian).body(Map.of("mode", "IMMEDIATE"))
                        .put("/api/notification/preferences/absence/{channel}", channel).then().statusCode(200);
            }
        }
    }

    @AfterAll
    void restoreQuietHours() {
        if (quietHoursBefore != null) {
            Gateway.as("cpe").body(quietHoursBefore)
                    .put("/api/notification/schools/{id}/quiet-hours", jeanMoulin).then().statusCode(200);
        }
    }

    @Test
    @Order(1)
    void a_roll_call_with_lea_absent_reaches_both_her_parents_live_in_their_inbox_and_by_email_and_no_other_family() {
        String sophieAddress = emailOf("sophie");
        String marcAddress = emailOf("marc");
        String thomasAddress = emailOf("thomas");
        try (NotificationStream sophie = NotificationStream.open("sophie");
             NotificationStream marc = NotificationStream.open("marc");
             NotificationStream thomas = NotificationStream.open("thomas")) {

            rollCall = RollCalls.takeWithOneAbsent("claire", class4A, "lea", "cpe");

            JsonPath register = rollCall.register();
            assertThat(register.getString("status")).isEqualTo("SUBMITTED");
            assertThat(register.getInt("counts.pupils")).isEqualTo(rollCall.pupils()).isGreaterThan(20);
            assertThat(register.getInt("counts.absent")).isEqualTo(1);
            assertThat(register.getInt("counts.present")).isEqualTo(rollCall.pupils() - 1);

            // The link of the notification names the absence: it tells this run's from earlier ones.
            String link = "/vie-scolaire/absences/" + rollCall.absenceId();
            Predicate<JsonNode> thisAbsence = n -> n.path("link").asText().endsWith(link);
            await("Léa's absence on Sophie's and Marc's streams").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(sophie.events(thisAbsence)).hasSize(1);
                assertThat(marc.events(thisAbsence)).hasSize(1);
            });
            for (NotificationStream stream : List.of(sophie, marc)) {
                assertThat(stream.status()).isEqualTo(200);
                assertThat(stream.contentType()).startsWith("text/event-stream");
                assertFrenchAbsenceNotice(stream.events(thisAbsence).get(0).data());
            }

            for (String guardian : List.of("sophie", "marc")) {
                JsonPath inbox = Gateway.as(guardian).queryParam("childId", lea.id()).queryParam("size", 50)
                        .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = inbox.getList("items");
                assertThat(items).as("%s's inbox about Léa", guardian)
                        .filteredOn(i -> String.valueOf(i.get("link")).endsWith(link)).singleElement()
                        .satisfies(item -> {
                            assertThat(item.get("type")).isEqualTo("absence");
                            assertThat(item.get("child")).isEqualTo(Map.of("id", lea.id().toString(), "firstName", lea.firstName()));
                            assertThat(item.get("title")).isEqualTo("Absence de " + lea.firstName());
                            assertThat(item.get("read")).isEqualTo(false);
                        });
            }

            await("the e-mails to Sophie and Marc").atMost(DELIVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(mailsAbout(sophieAddress, link)).hasSize(1);
                assertThat(mailsAbout(marcAddress, link)).hasSize(1);
            });
            assertFrenchAbsenceMail(mailsAbout(sophieAddress, link).get(0), sophieAddress);
            assertFrenchAbsenceMail(mailsAbout(marcAddress, link).get(0), marcAddress);

            // Another family of the same class: the fan-out that wrote Sophie's and Marc's rows wrote
            // everyone's in the same transaction, so by now Thomas would have something if he were told.
            assertThat(thomas.events(n -> n.path("child").path("id").asText().equals(lea.id().toString())
                    || n.path("body").asText().contains(lea.firstName()))).isEmpty();
            assertThat(thomas.events(thisAbsence)).isEmpty();
            List<Map<String, Object>> thomasInbox = Gateway.as("thomas").queryParam("size", 100)
                    .get("/api/notification/inbox").then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(thomasInbox).noneMatch(i -> String.valueOf(i.get("link")).endsWith(link)
                    || String.valueOf(i.get("body")).contains(lea.firstName()));
            assertThat(Gateway.as("thomas").queryParam("childId", lea.id()).get("/api/notification/inbox")
                    .then().statusCode(200).extract().<Integer>path("total")).isZero();
            assertThat(mailsAbout(thomasAddress, link)).isEmpty();
        }
    }

    @Test
    @Order(2)
    void sophie_justifies_the_absence_the_cpe_accepts_it_and_the_record_shows_it_justified() {
        assumeTrue(rollCall != null, "needs the absence of the roll call above");
        UUID reason = Reasons.justifyingFor("sophie", jeanMoulin, "cpe");

        // the attachment: a pre-signed upload asked through the gateway, the bytes PUT to the object storage
        byte[] png = java.util.Base64.getDecoder().decode(fr.ent.e2e.support.ApiFixtures.PNG);
        String attachment = fr.ent.e2e.support.ApiFixtures.uploadAttachment("sophie", rollCall.absenceId(),
                "rendez-vous.png", png, "image/png");
        JsonPath sent = Gateway.as("sophie")
                .body(Map.of("reasonId", reason, "comment", "Rendez-vous chez l'orthodontiste.", "attachmentId", attachment))
                .post("/api/attendance/entries/{id}/justifications", rollCall.absenceId())
                .then().statusCode(201).extract().jsonPath();
        assertThat(sent.getString("status")).isEqualTo("PENDING");
        assertThat(sent.getString("attachmentType")).isEqualTo("image/png");
        assertThat(sent.getString("entryId")).isEqualTo(rollCall.absenceId().toString());
        assertThat(sent.getString("submittedBy")).isEqualTo(Demo.person("sophie").id().toString());
        String justification = sent.getString("id");

        List<Map<String, Object>> queue = Gateway.as("cpe").queryParam("status", "PENDING")
                .get("/api/attendance/schools/{id}/justifications", jeanMoulin)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(queue).as("the CPE's queue").filteredOn(j -> justification.equals(j.get("id"))).singleElement()
                .satisfies(j -> {
                    assertThat(j.get("pupilId")).isEqualTo(lea.id().toString());
                    assertThat(j.get("entryId")).isEqualTo(rollCall.absenceId().toString());
                    assertThat(j.get("reasonId")).isEqualTo(reason.toString());
                });

        // the CPE gets a short-lived link and downloads the very bytes Sophie sent, as an attachment
        String link = Gateway.as("cpe").get("/api/attendance/justifications/{id}/attachment", justification)
                .then().statusCode(200).extract().path("url");
        java.net.http.HttpResponse<byte[]> file;
        try {
            file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

        JsonPath decided = Gateway.as("cpe").post("/api/attendance/justifications/{id}/accept", justification)
                .then().statusCode(200).extract().jsonPath();
        assertThat(decided.getString("status")).isEqualTo("ACCEPTED");
        assertThat(decided.getString("decidedBy")).isEqualTo(cpe.id().toString());

        JsonPath record = Gateway.as("sophie").queryParam("month", rollCall.month().toString())
                .get("/api/attendance/pupils/{id}/record", lea.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(record.getString("pupilId")).isEqualTo(lea.id().toString());
        List<Map<String, Object>> entries = record.getList("entries");
        assertThat(entries).filteredOn(e -> rollCall.absenceId().toString().equals(e.get("id"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("kind")).isEqualTo("ABSENCE");
                    assertThat(e.get("status")).isEqualTo("JUSTIFIED");
                    assertThat(e.get("justification")).isEqualTo("ACCEPTED");
                    assertThat(e.get("registerId")).isEqualTo(rollCall.registerId().toString());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> shown = (Map<String, Object>) e.get("reason");
                    assertThat(shown.get("id")).isEqualTo(reason.toString());
                    assertThat(e).doesNotContainKey("comment"); // vie scolaire's comments stay in school
                });
    }

    private void assertFrenchAbsenceNotice(JsonNode n) {
        assertThat(n.path("type").asText()).isEqualTo("absence");
        assertThat(n.path("child").path("id").asText()).isEqualTo(lea.id().toString());
        assertThat(n.path("child").path("firstName").asText()).isEqualTo(lea.firstName());
        assertThat(n.path("schoolId").asText()).isEqualTo(jeanMoulin.toString());
        assertThat(n.path("title").asText()).isEqualTo("Absence de " + lea.firstName());
        assertThat(n.path("body").asText())
                .startsWith("Absence de " + lea.firstName() + " enregistrée le " + FRENCH_DAY.format(rollCall.date()))
                .contains("de " + frenchTime(rollCall.startsAt()) + " à " + frenchTime(rollCall.endsAt()))
                .contains("Vous pouvez la justifier depuis l'ENT.")
                .doesNotContain(lea.lastName());
    }

    private void assertFrenchAbsenceMail(Mail mail, String address) {
        assertThat(mail.to()).containsExactly(address);
        assertThat(mail.subject()).isEqualTo("Collège Jean Moulin : Absence de " + lea.firstName());
        assertThat(mail.text())
                .startsWith("Bonjour,")
                .contains("Absence de " + lea.firstName() + " enregistrée le " + FRENCH_DAY.format(rollCall.date()))
                .contains("Vous pouvez la justifier depuis l'ENT.")
                .contains("Collège Jean Moulin")
                .contains("merci de ne pas y répondre");
        assertThat(mail.html()).contains("<html lang=\"fr\">").contains("Absence de " + lea.firstName());
        // what a family e-mail never says: the pupil's last name, a reason of absence (least of all a confidential one)
        List<String> confidential = Gateway.as("cpe").queryParam("all", true)
                .get("/api/attendance/schools/{id}/reasons", jeanMoulin).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(r -> Boolean.TRUE.equals(r.get("confidential")))
                .map(r -> (String) r.get("label")).toList();
        for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
            assertThat(part).doesNotContain(lea.lastName()).doesNotContainIgnoringCase("motif");
            confidential.forEach(label -> assertThat(part).doesNotContainIgnoringCase(label));
        }
    }

    private static List<Mail> mailsAbout(String address, String link) {
        return MailBox.of(address).stream().filter(m -> m.text().contains(link)).toList();
    }

    /** A guardian's e-mail address as identity-service knows it (the demo data gave it). */
    private static String emailOf(String personKey) {
        String email = Gateway.as(personKey).get("/api/identity/me").then().statusCode(200).extract().path("profile.email");
        assertThat(email).as("%s's e-mail address", personKey).isNotBlank();
        return email;
    }

    /** « 8 h 05 », as the notifications write times. */
    private static String frenchTime(LocalTime t) {
        return t.getHour() + " h " + String.format("%02d", t.getMinute());
    }
}
