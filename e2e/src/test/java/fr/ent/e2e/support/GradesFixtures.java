package fr.ent.e2e.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jean Moulin's marks as the generated suites need them, made through the API the first time and
 * found again afterwards: {@code gradesYear}, a period of the whole school covering today (made by
 * the CPE as "E2E Année" when there is none); {@code gradesLockPeriod}, a period of 4A at the very
 * end of the school year that the lock operation may lock again and again; {@code gradesAssessment},
 * Claire Martin's "E2E Fixture" maths assessment of 4A today, with Léa's mark, published and shown
 * to pupils and guardians at once; {@code gradesReportCardJob}, the last generation of 4A's report
 * cards for {@code gradesYear}, which the fixture generates (waiting for the job) and publishes when
 * they are not yet, so that Léa and her parents download theirs.
 */
public final class GradesFixtures {

    private static final String TITLE = "E2E Fixture";

    private GradesFixtures() {
    }

    static void add(ApiFixtures f, UUID school, UUID class4A) {
        String year = f.value("schoolYear");
        int first = Integer.parseInt(year.substring(0, 4));
        String today = f.value("today");
        List<Map<String, Object>> periods = Gateway.as("cpe").get("/api/grades/schools/{id}/periods", school)
                .then().statusCode(200).extract().jsonPath().getList("$");
        String whole = periods.stream().filter(p -> p.get("classGroupId") == null
                        && today.compareTo((String) p.get("startsOn")) >= 0 && today.compareTo((String) p.get("endsOn")) <= 0)
                .map(p -> (String) p.get("id")).findFirst()
                .orElseGet(() -> ApiFixtures.made("grades year", Gateway.as("cpe").body(Map.of("schoolYear", year,
                        "name", "E2E Année", "startsOn", first + "-08-01", "endsOn", (first + 1) + "-07-31"))
                        .post("/api/grades/schools/{id}/periods", school)));
        String lock = periods.stream().filter(p -> "E2E verrou".equals(p.get("name"))).map(p -> (String) p.get("id")).findFirst()
                .orElseGet(() -> ApiFixtures.made("grades period to lock", Gateway.as("cpe").body(Map.of("schoolYear", year,
                        "classGroupId", class4A.toString(), "name", "E2E verrou",
                        "startsOn", (first + 1) + "-07-30", "endsOn", (first + 1) + "-07-31"))
                        .post("/api/grades/schools/{id}/periods", school)));
        String assessment = Gateway.as("claire").get("/api/grades/classes/{id}/assessments", class4A).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.title == '" + TITLE + "' }.id", String.class).stream().findFirst()
                .orElseGet(() -> {
                    Map<String, Object> body = new HashMap<>(Map.of("classGroupId", class4A.toString(), "subject", "MATHS",
                            "title", TITLE, "heldOn", LocalDate.parse(today).toString(), "coefficient", 1, "scale", 20));
                    body.put("pupilsOn", today);
                    body.put("guardianDelayDays", 0);
                    String id = ApiFixtures.made("grades assessment", Gateway.as("claire").body(body).post("/api/grades/assessments"));
                    Gateway.as("claire").body(Map.of("marks", List.of(Map.of("pupilId", f.value("lea"), "value", 12))))
                            .put("/api/grades/assessments/{id}/marks", id).then().statusCode(200);
                    Gateway.as("claire").post("/api/grades/assessments/{id}/publish", id).then().statusCode(200);
                    return id;
                });
        f.put("gradesYear", whole);
        f.put("gradesLockPeriod", lock);
        f.put("gradesAssessment", assessment);
        f.put("gradesReportCardJob", reportCards(class4A, whole));
    }

    /** 4A's report cards for the period, generated and published once; the last job's id. */
    public static String reportCards(UUID class4A, String period) {
        String path = "/api/grades/classes/" + class4A + "/periods/" + period + "/report-cards";
        var view = Gateway.as("cpe").get(path).then().statusCode(200).extract().jsonPath();
        if (view.getString("publishedAt") != null) {
            return view.getString("lastJob.id");
        }
        String job = view.getString("lastJob.id");
        if (job == null || "FAILED".equals(view.getString("lastJob.state"))) {
            job = Gateway.as("cpe").post(path + "/generation").then().statusCode(202).extract().path("id");
        }
        String id = job;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> "DONE".equals(
                Gateway.as("cpe").get("/api/grades/report-card-jobs/" + id).then().statusCode(200).extract().path("state")));
        Gateway.as("cpe").post(path + "/publication").then().statusCode(200);
        return id;
    }
}
