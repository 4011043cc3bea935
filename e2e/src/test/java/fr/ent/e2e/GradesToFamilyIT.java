package fr.ent.e2e;

import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.GradesFixtures;
import io.restassured.path.json.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marks and report cards as families live them, through the gateway, on the running platform whose
 * clock is the real one (it cannot be moved while others use it). The publication rule is checked
 * with the assessment's own publication settings instead of a moved clock:
 * <ul>
 *   <li>published with the school's defaults: the times grades-service gives are tomorrow 00:00
 *       (Paris) for Léa and the day after for her parents, and today neither sees it (404, like an
 *       unknown id);</li>
 *   <li>published with {@code pupilsOn} = today and the guardians' delay of 1 day: Léa sees it now,
 *       her parents still not;</li>
 *   <li>held yesterday with {@code pupilsOn} = yesterday and the delay of 1 day: the parents' day
 *       (today) has come, all three see it.</li>
 * </ul>
 * Then Sophie downloads Léa's report card (4A's, generated and published by the fixture) and its text
 * is read back: Léa's name, her class, "Responsable légal de Léa".
 */
class GradesToFamilyIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final UUID jeanMoulin = Demo.school("jeanMoulin");
    private final UUID class4A = Demo.classOf("0750001A", "4A");
    private final Person lea = Demo.person("lea");

    @Test
    void a_published_mark_reaches_lea_the_next_day_and_her_parents_the_day_after() {
        LocalDate today = LocalDate.now(PARIS);
        String period = yearPeriod(today);
        // the school's defaults: pupils the next day, guardians one day later
        String assessment = publish(today, null, null, "E2E publication " + Instant.now());
        JsonPath view = Gateway.as("claire").get("/api/grades/assessments/{id}", assessment).then().statusCode(200)
                .extract().jsonPath();
        assertThat(Instant.parse(view.getString("pupilsVisibleAt")))
                .isEqualTo(today.plusDays(1).atStartOfDay(PARIS).toInstant());
        assertThat(Instant.parse(view.getString("guardiansVisibleAt")))
                .isEqualTo(today.plusDays(2).atStartOfDay(PARIS).toInstant());
        for (String who : List.of("lea", "sophie", "marc")) {
            Gateway.as(who).get("/api/grades/assessments/{id}", assessment).then().statusCode(404);
            assertThat(markIds(who, period)).as("%s's list of Léa's marks", who).doesNotContain(assessment);
        }

        // Léa's day has come (pupilsOn today), her parents' not yet
        String pupilsToday = publish(today, today, 1, "E2E pupils today " + Instant.now());
        Gateway.as("lea").get("/api/grades/assessments/{id}", pupilsToday).then().statusCode(200);
        assertThat(markIds("lea", period)).contains(pupilsToday);
        for (String parent : List.of("sophie", "marc")) {
            Gateway.as(parent).get("/api/grades/assessments/{id}", pupilsToday).then().statusCode(404);
            assertThat(markIds(parent, period)).doesNotContain(pupilsToday);
        }

        // held and shown to pupils yesterday: the parents' day, one later, is today
        String yesterday = publish(today.minusDays(1), today.minusDays(1), 1, "E2E yesterday " + Instant.now());
        for (String who : List.of("lea", "sophie", "marc")) {
            Gateway.as(who).get("/api/grades/assessments/{id}", yesterday).then().statusCode(200);
            assertThat(markIds(who, period)).contains(yesterday);
        }
    }

    @Test
    void a_parent_downloads_leas_report_card_through_the_gateway_and_reads_it() throws IOException {
        String period = yearPeriod(LocalDate.now(PARIS));
        GradesFixtures.reportCards(class4A, period);
        byte[] pdf = Gateway.as("sophie").get("/api/grades/pupils/{pupil}/periods/{period}/report-card", lea.id(), period)
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"bulletin-"))
                .extract().asByteArray();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("[\\s\\u00A0]+", " ");
        }
        assertThat(text).contains(lea.firstName() + " " + lea.lastName(), "4E A", "Responsable légal de " + lea.firstName());
        // another family's parent: the same 404 as for nothing
        Gateway.as("thomas").get("/api/grades/pupils/{pupil}/periods/{period}/report-card", lea.id(), period)
                .then().statusCode(404);
    }

    /** Claire sets a maths assessment for 4A, gives Léa a 14, publishes it; its id. */
    private String publish(LocalDate heldOn, LocalDate pupilsOn, Integer guardianDelayDays, String title) {
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", class4A.toString(), "subject", "MATHS",
                "title", title, "heldOn", heldOn.toString(), "coefficient", 0, "scale", 20));
        if (pupilsOn != null) {
            body.put("pupilsOn", pupilsOn.toString());
        }
        if (guardianDelayDays != null) {
            body.put("guardianDelayDays", guardianDelayDays);
        }
        String id = Gateway.as("claire").body(body).post("/api/grades/assessments").then().statusCode(201).extract().path("id");
        Gateway.as("claire").body(Map.of("marks", List.of(Map.of("pupilId", lea.id().toString(), "value", 14))))
                .put("/api/grades/assessments/{id}/marks", id).then().statusCode(200);
        Gateway.as("claire").post("/api/grades/assessments/{id}/publish", id).then().statusCode(200);
        return id;
    }

    /** The assessments of Léa's marks that this person sees in the period. */
    private List<String> markIds(String who, String period) {
        return Gateway.as(who).get("/api/grades/pupils/{pupil}/marks?periodId={period}", lea.id(), period).then().statusCode(200)
                .extract().jsonPath().getList("assessment.id", String.class);
    }

    /** The school-wide period covering today (the demo's, or the fixtures'). */
    private String yearPeriod(LocalDate today) {
        List<Map<String, Object>> periods = Gateway.as("cpe").get("/api/grades/schools/{id}/periods", jeanMoulin)
                .then().statusCode(200).extract().jsonPath().getList("$");
        return periods.stream().filter(p -> p.get("classGroupId") == null
                        && today.toString().compareTo((String) p.get("startsOn")) >= 0
                        && today.toString().compareTo((String) p.get("endsOn")) <= 0)
                .map(p -> (String) p.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no school-wide grades period covers " + today + " (run the generated suites' fixtures or load demo_grades.py)"));
    }
}
