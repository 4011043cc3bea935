package fr.ent.identity;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static fr.ent.identity.Api.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, on every endpoint, for every kind of caller: one line per endpoint, one
 * expected status per caller. 401 without a token, 403 for a role that never may, 404 for what is
 * not the caller's (it does not exist for them).
 *
 * <p>The world: school A with classes 4A (taught by teacherA) and 4B, pupil1 in 4A (guardian
 * parent1), pupil2 in 4B (guardian parent2: another family); school B with its own staff and teacher.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AccessMatrixTest {

    /** The callers, in the order of the expected statuses. */
    static final String[] CALLERS = {"anonymous", "admin", "service", "staffA", "staffB", "teacherA", "teacherB",
            "parent1", "parent2", "pupil1", "pupil2", "stranger"};

    static World w;

    static final class World {
        UUID schoolA = Api.school("Collège A (droits)");
        UUID schoolB = Api.school("Collège B (droits)");
        UUID class4A = Api.classGroup(schoolA, "CLASS", "4A");
        UUID class4B = Api.classGroup(schoolA, "CLASS", "4B");
        UUID classB = Api.classGroup(schoolB, "CLASS", "6B");
        UUID maths = Api.subject(schoolA, "MATHS");
        UUID staffA = Api.person("STAFF", "Sophie", "Cpe", "cpe.a@example.org", schoolA);
        UUID staffB = Api.person("STAFF", "Bruno", "Cpe", "cpe.b@example.org", schoolB);
        UUID teacherA = Api.person("TEACHER", "Anne", "Prof", "prof.a@example.org", schoolA);
        UUID teacherB = Api.person("TEACHER", "Bernard", "Prof", "prof.b@example.org", schoolB);
        UUID pupil1 = Api.person("PUPIL", "Pierre", "Un", null, schoolA);
        UUID pupil2 = Api.person("PUPIL", "Paul", "Deux", null, schoolA);
        UUID parent1 = Api.person("PARENT", "Marie", "Un", "marie.un@example.org", schoolA);
        UUID parent2 = Api.person("PARENT", "Jacques", "Deux", "jacques.deux@example.org", schoolA);
        UUID assignment = Api.assignment(teacherA, class4A, maths);
        UUID assignmentB = Api.assignment(teacherB, classB, Api.subject(schoolB, "MATHS"));
        UUID enrolment1 = Api.enrol(pupil1, class4A, List.of(), LocalDate.now().minusDays(20));
        UUID enrolment2 = Api.enrol(pupil2, class4B, List.of(), LocalDate.now().minusDays(20));
        UUID guardianship1 = Api.guardianship(parent1, pupil1);
        UUID guardianship2 = Api.guardianship(parent2, pupil2);
        UUID importJob;

        Map<String, String> tokens = new LinkedHashMap<>();

        World() {
            tokens.put("anonymous", null);
            tokens.put("admin", TestTokens.admin(UUID.randomUUID()));
            tokens.put("service", TestTokens.service("attendance-service"));
            tokens.put("staffA", TestTokens.staff(staffA, schoolA));
            tokens.put("staffB", TestTokens.staff(staffB, schoolB));
            tokens.put("teacherA", TestTokens.teacher(teacherA, schoolA));
            tokens.put("teacherB", TestTokens.teacher(teacherB, schoolB));
            tokens.put("parent1", TestTokens.parent(parent1, schoolA));
            tokens.put("parent2", TestTokens.parent(parent2, schoolA));
            tokens.put("pupil1", TestTokens.pupil(pupil1, schoolA));
            tokens.put("pupil2", TestTokens.pupil(pupil2, schoolA));
            tokens.put("stranger", TestTokens.person(UUID.randomUUID()).roles("pupil").sign());
            importJob = Api.id(imports(given().auth().oauth2(tokens.get("admin")), schoolA).then().statusCode(202).extract().path("id"));
        }

        // fresh things for calls that use them up
        UUID freshPupil() {
            return Api.person("PUPIL", "Nouveau", "Eleve", null, schoolA);
        }

        UUID freshEnrolment() {
            return Api.enrol(freshPupil(), class4B, List.of(), LocalDate.now());
        }

        UUID freshGuardianship() {
            return Api.guardianship(Api.person("PARENT", "Autre", "Parent", null, schoolA), pupil2);
        }

        UUID freshAssignment() {
            return Api.assignment(Api.person("TEACHER", "Autre", "Prof", null, schoolA), class4B, maths);
        }
    }

    record Call(String method, Supplier<String> path, Supplier<Object> body, String expected) {
    }

    static Call get(String path, String expected) {
        return new Call("GET", () -> path, null, expected);
    }

    static Call call(String method, Supplier<String> path, Supplier<Object> body, String expected) {
        return new Call(method, path, body, expected);
    }

    static Response imports(RequestSpecification spec, UUID school) {
        byte[] classes = ("code;libelle;type\nX" + UUID.randomUUID().toString().substring(0, 6) + ";X;CLASSE\n").getBytes();
        return Multipart.files(spec, Map.of("classes", classes)).post(BASE + "/schools/" + school + "/imports?dryRun=true");
    }

    @Test
    void every_endpoint_answers_each_caller_as_the_rules_say() {
        if (w == null) w = new World();
        String A = BASE + "/schools/" + w.schoolA;
        String people = BASE + "/people/";
        //                                                                     anon adm svc stA stB teA teB pa1 pa2 pu1 pu2 str
        List<Call> calls = List.of(
                call("POST", () -> BASE + "/schools", () -> Map.of("uai", Api.uai(), "name", "N", "type", "LYCEE"),
                                                                              "401 201 403 403 403 403 403 403 403 403 403 403"),
                get(BASE + "/schools",                                        "401 200 200 200 200 200 200 403 403 403 403 403"),
                get(A,                                                        "401 200 200 200 404 200 404 200 200 200 200 404"),
                call("PUT", () -> A, () -> Map.of("uai", uaiOf(w.schoolA), "name", "Collège A (droits)", "type", "COLLEGE", "academy", "STRASBOURG"),
                                                                              "401 200 403 200 404 403 403 403 403 403 403 403"),
                call("POST", () -> A + "/years", () -> yearBody(),
                                                                              "401 201 403 201 404 403 403 403 403 403 403 403"),
                get(A + "/years",                                             "401 200 200 200 404 200 404 200 200 200 200 404"),
                call("POST", () -> A + "/classes", () -> Map.of("kind", "CLASS", "code", "C" + UUID.randomUUID().toString().substring(0, 6)),
                                                                              "401 201 403 201 404 403 403 403 403 403 403 403"),
                get(A + "/classes",                                           "401 200 200 200 404 200 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4A,                           "401 200 200 200 404 200 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4B,                           "401 200 200 200 404 404 404 403 403 403 403 403"),
                call("PUT", () -> BASE + "/classes/" + w.class4A, () -> Map.of("name", "4A", "level", "4EME"),
                                                                              "401 200 403 200 404 403 403 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4A + "/pupils",               "401 200 200 200 404 200 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4B + "/pupils",               "401 200 200 200 404 404 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4A + "/teaching-assignments", "401 200 200 200 404 200 404 403 403 403 403 403"),
                call("POST", () -> A + "/subjects", () -> Map.of("code", "S" + UUID.randomUUID().toString().substring(0, 6)),
                                                                              "401 201 403 201 404 403 403 403 403 403 403 403"),
                get(A + "/subjects",                                          "401 200 200 200 404 200 404 200 200 200 200 404"),
                call("POST", () -> BASE + "/people", () -> Map.of("role", "PUPIL", "firstName", "Jo", "lastName", "Neuf", "schoolIds", List.of(w.schoolA)),
                                                                              "401 201 403 201 400 403 403 403 403 403 403 403"),
                get(BASE + "/people",                                         "401 200 200 200 200 403 403 403 403 403 403 403"),
                get(BASE + "/people?schoolId=" + w.schoolA,                   "401 200 200 200 404 403 403 403 403 403 403 403"),
                get(people + w.pupil1,                                        "401 200 200 200 404 200 404 200 404 200 404 404"),
                get(people + w.pupil2,                                        "401 200 200 200 404 404 404 404 200 404 200 404"),
                get(people + w.parent1,                                       "401 200 200 200 404 404 404 200 404 404 404 404"),
                get(people + w.teacherA,                                      "401 200 200 200 404 200 404 404 404 404 404 404"),
                call("PUT", () -> people + w.pupil1, () -> Map.of("firstName", "Pierre", "lastName", "Un"),
                                                                              "401 200 403 200 404 403 403 403 403 403 403 403"),
                call("POST", () -> people + w.freshPupil() + "/disable", null, "401 200 403 200 404 403 403 403 403 403 403 403"),
                call("POST", () -> people + w.pupil2 + "/enable", null,       "401 200 403 200 404 403 403 403 403 403 403 403"),
                get(people + w.pupil1 + "/enrolments",                        "401 200 200 200 404 200 404 200 404 200 404 404"),
                get(people + w.pupil1 + "/guardians",                         "401 200 200 200 404 404 404 200 404 200 404 404"),
                get(people + w.parent1 + "/children",                         "401 200 200 200 404 403 403 200 404 403 403 403"),
                get(people + w.teacherA + "/teaching-assignments",            "401 200 200 200 404 200 404 403 403 403 403 403"),
                call("POST", () -> BASE + "/enrolments", () -> Map.of("pupilId", w.freshPupil(), "classId", w.class4B),
                                                                              "401 201 403 201 400 403 403 403 403 403 403 403"),
                call("PATCH", () -> BASE + "/enrolments/" + w.enrolment1, () -> Map.of("groupIds", List.of()),
                                                                              "401 200 403 200 404 403 403 403 403 403 403 403"),
                call("DELETE", () -> BASE + "/enrolments/" + w.freshEnrolment(), null,
                                                                              "401 204 403 204 404 403 403 403 403 403 403 403"),
                call("POST", () -> BASE + "/guardianships", () -> Map.of("guardianId", Api.person("PARENT", "G", "H", null, w.schoolA), "pupilId", w.pupil1),
                                                                              "401 201 403 201 400 403 403 403 403 403 403 403"),
                call("PATCH", () -> BASE + "/guardianships/" + w.guardianship1, () -> Map.of("receivesCommunications", true),
                                                                              "401 200 403 200 404 403 403 403 403 403 403 403"),
                call("DELETE", () -> BASE + "/guardianships/" + w.freshGuardianship(), null,
                                                                              "401 204 403 204 404 403 403 403 403 403 403 403"),
                call("POST", () -> BASE + "/teaching-assignments", () -> Map.of("teacherId", Api.person("TEACHER", "T", "U", null, w.schoolA), "classGroupId", w.class4B, "subjectId", w.maths),
                                                                              "401 201 403 201 400 403 403 403 403 403 403 403"),
                call("DELETE", () -> BASE + "/teaching-assignments/" + w.freshAssignment(), null,
                                                                              "401 204 403 204 404 403 403 403 403 403 403 403"),
                get(BASE + "/me",                                             "401 404 403 200 200 200 200 200 200 200 200 404"),
                call("IMPORT", () -> A, null,                                 "401 202 403 202 404 403 403 403 403 403 403 403"),
                get(BASE + "/imports/" + w.importJob,                         "401 200 403 200 404 403 403 403 403 403 403 403"));

        List<String> wrong = new ArrayList<>();
        for (Call c : calls) {
            String[] expected = c.expected().split(" ");
            assertThat(expected).as(c.method() + " " + c.path().get()).hasSize(CALLERS.length);
            for (int i = 0; i < CALLERS.length; i++) {
                int status = send(c, w.tokens.get(CALLERS[i]));
                if (status != Integer.parseInt(expected[i])) {
                    wrong.add(c.method() + " " + c.path().get().replace(BASE, "") + " as " + CALLERS[i] + ": expected " + expected[i] + ", got " + status);
                }
            }
        }
        assertThat(wrong).as("answers that break the rules").isEmpty();
    }

    @Test
    void lists_only_show_what_is_the_callers() {
        if (w == null) w = new World();
        given().auth().oauth2(w.tokens.get("staffB")).get(BASE + "/people?size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(w.pupil1.toString())));
        given().auth().oauth2(w.tokens.get("teacherA")).get(BASE + "/schools/" + w.schoolA + "/classes").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(w.class4A.toString()));
        given().auth().oauth2(w.tokens.get("teacherA")).get(BASE + "/classes/" + w.class4A + "/pupils").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(w.pupil1.toString()))
                // a teacher sees names, not personal data
                .body("[0].birthDate", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(w.tokens.get("staffB")).get(BASE + "/schools").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(w.schoolB.toString()));
    }

    private static Map<String, Object> yearBody() {
        int year = 2100 + (int) (Math.random() * 800);
        return Map.of("label", year + "-" + (year + 1), "startsOn", year + "-09-01", "endsOn", (year + 1) + "-07-04");
    }

    private static String uaiOf(UUID school) {
        return given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get(BASE + "/schools/" + school).then().extract().path("uai");
    }

    private static int send(Call c, String token) {
        RequestSpecification spec = given();
        if (token != null) spec = spec.auth().oauth2(token);
        if (c.method().equals("IMPORT")) return imports(spec, w.schoolA).statusCode();
        spec = spec.accept(ContentType.JSON);
        if (c.body() != null) spec = spec.contentType(ContentType.JSON).body(c.body().get());
        else if (!c.method().equals("GET") && !c.method().equals("DELETE")) spec = spec.contentType(ContentType.JSON);
        String path = c.path().get();
        return spec.request(c.method(), path).statusCode();
    }
}
