package fr.ent.e2e.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The named values the generated suites put in paths, query strings and bodies: the demo people
 * and places (from demo.json), and things made through the API for the run (a roll call of 4A with
 * Léa absent, Sophie's justification of it, a dry-run roster import...). Operations that end
 * something (a guardianship, an enrolment, a teaching assignment) get fixture people of their own,
 * so that nothing the other tests rely on is ever ended; those are found again, or made afresh,
 * each time they are asked for.
 */
public final class ApiFixtures {

    /** A 1×1 PNG, the justification's attachment. */
    public static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();
    private final List<String> notes = new java.util.ArrayList<>();
    private final java.util.Set<String> standIns = new java.util.HashSet<>();

    private ApiFixtures() {
    }

    /**
     * A justification's attachment the way a client sends it (libs/files): a pre-signed upload asked
     * through the gateway, the bytes PUT straight to the object storage; the file id to name.
     */
    public static String uploadAttachment(String guardian, UUID entryId, String name, byte[] content, String type) {
        return upload(guardian, "/api/attendance/entries/" + entryId + "/justification-uploads", name, content, type);
    }

    /** Asks {@code offerPath} for a pre-signed upload as {@code caller}, PUTs the bytes to the object storage: the file id. */
    public static String upload(String caller, String offerPath, String name, byte[] content, String type) {
        String sha256;
        try {
            sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var offer = Gateway.as(caller)
                .body(Map.of("fileName", name, "size", content.length, "contentType", type, "sha256", sha256))
                .post(offerPath)
                .then().statusCode(201).extract();
        try {
            var put = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(offer.path("url"))).header("Content-Type", offer.path("headers.Content-Type"))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("the object storage refused the pre-signed upload: " + put.statusCode() + " " + put.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return offer.path("fileId");
    }

    /** The demo data only (cheap): people, schools, classes, dates. */
    public static ApiFixtures demo() {
        ApiFixtures f = new ApiFixtures();
        for (String key : List.of("lea", "hugo", "yanis", "emma", "ines", "sophie", "marc", "nadia", "thomas", "claire",
                "julien", "anne", "cpe", "staff_vh", "inspector")) {
            f.put(key, Demo.person(key).id().toString());
        }
        f.put("jeanMoulin", Demo.school("jeanMoulin").toString());
        f.put("victorHugo", Demo.school("victorHugo").toString());
        f.put("class4A", Demo.classOf("0750001A", "4A").toString());
        f.put("class3D", Demo.classOf("0750001A", "3D").toString());
        f.put("class6B", Demo.classOf("0750001A", "6B").toString());
        LocalDate today = LocalDate.now(Platform.SCHOOL_ZONE);
        f.put("today", today.toString());
        f.put("weekAgo", today.minusDays(7).toString());
        f.put("thisMonth", YearMonth.from(today).toString());
        f.put("schoolYear", (today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1) + "-"
                + (today.getMonthValue() >= 8 ? today.getYear() + 1 : today.getYear()));
        return f;
    }

    /**
     * The demo data plus what the authorization suite needs to exist: a roll call of 4A taken by
     * Claire Martin with Léa absent, Sophie's justification of it (with an attachment), a reason of
     * Jean Moulin, a dry-run import, one of Sophie's notifications, a subject, and fixture people.
     */
    public static ApiFixtures forAuthorization() {
        ApiFixtures f = demo();
        UUID jeanMoulin = Demo.school("jeanMoulin");
        UUID class4A = Demo.classOf("0750001A", "4A");
        RollCalls.Taken rollCall = RollCalls.takeWithOneAbsent("claire", class4A, "lea", "cpe");
        f.put("register", rollCall.registerId().toString());
        f.put("leaAbsence", rollCall.absenceId().toString());
        f.put("rollCallDate", rollCall.date().toString());
        f.put("rollCallMonth", rollCall.month().toString());
        UUID reason = Reasons.justifyingFor("sophie", jeanMoulin, "cpe");
        f.put("reason", reason.toString());
        String justification = Gateway.as("sophie")
                .body(Map.of("reasonId", reason, "comment", "Fixture of the authorization suite.",
                        "attachmentId", uploadAttachment("sophie", rollCall.absenceId(), "justificatif.png",
                                java.util.Base64.getDecoder().decode(PNG), "image/png")))
                .post("/api/attendance/entries/{id}/justifications", rollCall.absenceId())
                .then().statusCode(201).extract().path("id");
        f.put("justification", justification);
        f.put("subject", firstSubject(jeanMoulin));
        f.put("importJob", dryRunImport(f, jeanMoulin));
        f.put("notification", sophiesNotification(f));

        String pupil = fixturePerson(f, jeanMoulin, "PUPIL", "Fixture", "Eleve-Authz");
        String guardian = fixturePerson(f, jeanMoulin, "PARENT", "Fixture", "Parent-Authz");
        String teacher = fixturePerson(f, jeanMoulin, "TEACHER", "Fixture", "Prof-Authz");
        f.put("fixturePupil", pupil);
        f.put("fixtureGuardian", guardian);
        f.put("fixtureTeacher", teacher);
        String class3D = f.value("class3D");
        String subject = f.value("subject");
        f.values.put("guardianship", () -> guardianship(pupil, guardian));
        f.values.put("enrolment", () -> enrolment(pupil, class3D, f.value("today")));
        f.values.put("assignment", () -> assignment(teacher, class3D, subject));
        TimetableFixtures.add(f, jeanMoulin, class4A);
        GradesFixtures.add(f, jeanMoulin, class4A);
        HomeworkFixtures.add(f, class4A);
        MessagingFixtures.add(f, jeanMoulin, class4A);
        return f;
    }

    /**
     * What the authorization suite needs, plus a school of its own ("Collège Fixture E2E", UAI
     * 0999998E) that the bad-input suite may spoil instead of the demo schools.
     */
    public static ApiFixtures forBadInput() {
        ApiFixtures f = forAuthorization();
        List<Map<String, Object>> schools = Gateway.as("admin").queryParam("size", 200).get("/api/identity/schools")
                .then().statusCode(200).extract().jsonPath().getList("items");
        String school = schools.stream().filter(s -> FIXTURE_UAI.equals(s.get("uai"))).map(s -> (String) s.get("id"))
                .findFirst().orElseGet(() -> made("fixture school", Gateway.as("admin")
                        .body(Map.of("uai", FIXTURE_UAI, "name", "Collège Fixture E2E", "type", "COLLEGE", "academy", "Paris",
                                "timeZone", "Europe/Paris"))
                        .post("/api/identity/schools")));
        f.put("fixtureSchool", school);
        // a class of that school, and a reason of Jean Moulin that no family sees (confidential, not justifying)
        List<Map<String, Object>> classes = Gateway.as("admin").get("/api/identity/schools/{id}/classes", school)
                .then().statusCode(200).extract().jsonPath().getList("$");
        f.put("fixtureClass", classes.stream().filter(c -> "E2E1".equals(c.get("code"))).map(c -> (String) c.get("id"))
                .findFirst().orElseGet(() -> made("fixture class", Gateway.as("admin")
                        .body(Map.of("kind", "CLASS", "code", "E2E1", "name", "Fixture E2E", "level", "4e"))
                        .post("/api/identity/schools/{id}/classes", school))));
        UUID jeanMoulin = Demo.school("jeanMoulin");
        List<Map<String, Object>> reasons = Gateway.as("cpe").queryParam("all", true)
                .get("/api/attendance/schools/{id}/reasons", jeanMoulin).then().statusCode(200).extract().jsonPath().getList("$");
        f.put("fixtureReason", reasons.stream().filter(r -> "E2E_FIXTURE".equals(r.get("code"))).map(r -> (String) r.get("id"))
                .findFirst().orElseGet(() -> made("fixture reason", Gateway.as("cpe")
                        .body(Map.of("code", "E2E_FIXTURE", "label", "Fixture E2E", "justifying", false, "confidential", true))
                        .post("/api/attendance/schools/{id}/reasons", jeanMoulin))));
        return f;
    }

    private static final String FIXTURE_UAI = "0999998E";

    public void put(String name, String value) {
        values.put(name, () -> value);
    }

    /** A fixture made afresh each time it is asked for (for an operation that deletes or ends it). */
    void putFresh(String name, Supplier<String> make) {
        values.put(name, make);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value of a fixture (asked again each time for the ones made afresh). */
    public synchronized String value(String name) {
        Supplier<String> v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no fixture named " + name + "; fixtures: " + values.keySet());
        }
        return v.get();
    }

    /** True when the fixture could not be made and a random id stands in for it (an allowed caller then gets 404). */
    public boolean isStandIn(String name) {
        return standIns.contains(name);
    }

    /** What could not be made, and what was used instead. */
    public List<String> notes() {
        return notes;
    }

    private static String firstSubject(UUID school) {
        List<String> ids = Gateway.as("cpe").get("/api/identity/schools/{id}/subjects", school)
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        if (ids.isEmpty()) {
            throw new IllegalStateException("Jean Moulin has no subject");
        }
        return ids.get(0);
    }

    /** A dry-run roster import (changes nothing) by the CPE: a job id that exists. */
    private static String dryRunImport(ApiFixtures f, UUID school) {
        String boundary = "e2e-fixture-boundary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"classes\"; filename=\"classes.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nCode;Libellé;Type;Niveau\r\n--" + boundary + "--\r\n";
        RawHttp.Answer answer = RawHttp.send("POST", "/api/identity/schools/" + school + "/imports?dryRun=true",
                "Bearer " + Tokens.of("cpe"), "multipart/form-data; boundary=" + boundary,
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (answer.status() == 202) {
            try {
                return SampleBodies.json().readTree(answer.body()).path("id").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        f.notes.add("no dry-run import job (" + answer.status() + " " + answer.excerpt(200) + "): GET /imports/{id} uses a random id");
        f.standIns.add("importJob");
        return UUID.randomUUID().toString();
    }

    private static String sophiesNotification(ApiFixtures f) {
        List<String> ids = Gateway.as("sophie").queryParam("size", 1).get("/api/notification/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        if (ids.isEmpty()) {
            f.notes.add("Sophie has no notification yet: POST /inbox/{id}/read uses a random id");
            f.standIns.add("notification");
            return UUID.randomUUID().toString();
        }
        return ids.get(0);
    }

    /** A person of the school made for this suite only, found again by name on later runs. */
    private static String fixturePerson(ApiFixtures f, UUID school, String role, String first, String last) {
        List<Map<String, Object>> found = Gateway.as("admin").queryParam("schoolId", school.toString())
                .queryParam("role", role).queryParam("q", last).get("/api/identity/people")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Optional<String> existing = found.stream().filter(p -> last.equals(p.get("lastName")))
                .map(p -> (String) p.get("id")).findFirst();
        if (existing.isPresent()) {
            Gateway.as("admin").post("/api/identity/people/{id}/enable", existing.get());
            return existing.get();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("schoolIds", List.of(school.toString()));
        if (role.equals("PUPIL")) {
            body.put("birthDate", "2012-03-04"); // pupils have no e-mail address
        } else {
            body.put("email", (first + "." + last + "@fixtures.ent.example").toLowerCase());
        }
        return made("fixture person " + last, Gateway.as("admin").body(body).post("/api/identity/people"));
    }

    /** The id of what a fixture call made (201/202), or a failure saying what the platform answered. */
    static String made(String what, Response answer) {
        if (answer.statusCode() != 201 && answer.statusCode() != 202) {
            throw new IllegalStateException("could not make the " + what + ": " + answer.statusCode() + " " + answer.asString());
        }
        return answer.path("id");
    }

    private static String guardianship(String pupil, String guardian) {
        List<Map<String, Object>> guardians = Gateway.as("admin").get("/api/identity/people/{id}/guardians", pupil)
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> g : guardians) {
            Object person = g.get("person");
            Object ship = g.get("guardianship");
            if (person instanceof Map<?, ?> p && guardian.equals(p.get("id")) && ship instanceof Map<?, ?> s) {
                return (String) s.get("id");
            }
        }
        Response answer = Gateway.as("admin").body(Map.of("guardianId", guardian, "pupilId", pupil, "legalResponsibility", true,
                        "receivesCommunications", false))
                .post("/api/identity/guardianships");
        return made("fixture guardianship", answer);
    }

    private static String enrolment(String pupil, String classId, String today) {
        JsonPath enrolments = Gateway.as("admin").get("/api/identity/people/{id}/enrolments", pupil)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = enrolments.getList("$");
        for (Map<String, Object> e : list) {
            if (!Boolean.TRUE.equals(e.get("withdrawn")) && e.get("endsOn") == null) {
                return (String) e.get("id");
            }
        }
        return made("fixture enrolment", Gateway.as("admin").body(Map.of("pupilId", pupil, "classId", classId, "startsOn", today))
                .post("/api/identity/enrolments"));
    }

    private static String assignment(String teacher, String classId, String subject) {
        List<String> ids = Gateway.as("admin").get("/api/identity/people/{id}/teaching-assignments", teacher)
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return made("fixture teaching assignment", Gateway.as("admin")
                .body(Map.of("teacherId", teacher, "classGroupId", classId, "subjectId", subject))
                .post("/api/identity/teaching-assignments"));
    }

    static String base64Png() {
        return PNG;
    }

    static byte[] png() {
        return Base64.getDecoder().decode(PNG);
    }
}
