package fr.ent.identity;

import fr.ent.identity.access.Access;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Each school has an integration (client credentials, read-only, bound to it by its token's
 * {@code school_ids}). Then the scenarios across schools: a guardian with a child in each school,
 * a pupil of another school, an integration with and without the write grant.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AccessMatrixTest {

    /** The callers, in the order of the expected statuses. */
    static final String[] CALLERS = {"anonymous", "admin", "integrationA", "integrationB", "staffA", "staffB", "teacherA",
            "teacherB", "parent1", "parent2", "pupil1", "pupil2", "stranger"};

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
        UUID enrolment1 = Api.enrol(pupil1, class4A, List.of(), Api.today().minusDays(20));
        UUID enrolment2 = Api.enrol(pupil2, class4B, List.of(), Api.today().minusDays(20));
        UUID guardianship1 = Api.guardianship(parent1, pupil1);
        UUID guardianship2 = Api.guardianship(parent2, pupil2);
        UUID importJob;

        Map<String, String> tokens = new LinkedHashMap<>();

        World() {
            tokens.put("anonymous", null);
            tokens.put("admin", TestTokens.admin(UUID.randomUUID()));
            tokens.put("integrationA", integration("school-a-integration", schoolA));
            tokens.put("integrationB", integration("school-b-integration", schoolB));
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
            return Api.enrol(freshPupil(), class4B, List.of(), Api.today());
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
        //                                                                     anon adm inA inB stA stB teA teB pa1 pa2 pu1 pu2 str
        List<Call> calls = List.of(
                call("POST", () -> BASE + "/schools", () -> Map.of("uai", Api.uai(), "name", "N", "type", "LYCEE"),
                                                                              "401 201 403 403 403 403 403 403 403 403 403 403 403"),
                get(BASE + "/schools",                                        "401 200 200 200 200 200 200 200 403 403 403 403 403"),
                get(A,                                                        "401 200 200 404 200 404 200 404 200 200 200 200 404"),
                call("PUT", () -> A, () -> Map.of("uai", uaiOf(w.schoolA), "name", "Collège A (droits)", "type", "COLLEGE", "academy", "STRASBOURG"),
                                                                              "401 200 403 403 200 404 403 403 403 403 403 403 403"),
                call("POST", () -> A + "/years", () -> yearBody(),
                                                                              "401 201 403 403 201 404 403 403 403 403 403 403 403"),
                get(A + "/years",                                             "401 200 200 404 200 404 200 404 200 200 200 200 404"),
                call("POST", () -> A + "/classes", () -> Map.of("kind", "CLASS", "code", "C" + UUID.randomUUID().toString().substring(0, 6)),
                                                                              "401 201 403 403 201 404 403 403 403 403 403 403 403"),
                get(A + "/classes",                                           "401 200 200 404 200 404 200 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4A,                           "401 200 200 404 200 404 200 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4B,                           "401 200 200 404 200 404 404 404 403 403 403 403 403"),
                call("PUT", () -> BASE + "/classes/" + w.class4A, () -> Map.of("name", "4A", "level", "4EME"),
                                                                              "401 200 403 403 200 404 403 403 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4A + "/pupils",               "401 200 200 404 200 404 200 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4B + "/pupils",               "401 200 200 404 200 404 404 404 403 403 403 403 403"),
                get(BASE + "/classes/" + w.class4A + "/teaching-assignments", "401 200 200 404 200 404 200 404 403 403 403 403 403"),
                call("POST", () -> A + "/subjects", () -> Map.of("code", "S" + UUID.randomUUID().toString().substring(0, 6)),
                                                                              "401 201 403 403 201 404 403 403 403 403 403 403 403"),
                get(A + "/subjects",                                          "401 200 200 404 200 404 200 404 200 200 200 200 404"),
                call("POST", () -> BASE + "/people", () -> Map.of("role", "PUPIL", "firstName", "Jo", "lastName", "Neuf", "schoolIds", List.of(w.schoolA)),
                                                                              "401 201 403 403 201 400 403 403 403 403 403 403 403"),
                get(BASE + "/people",                                         "401 200 200 200 200 200 403 403 403 403 403 403 403"),
                get(BASE + "/people?schoolId=" + w.schoolA,                   "401 200 200 404 200 404 403 403 403 403 403 403 403"),
                get(people + w.pupil1,                                        "401 200 200 404 200 404 200 404 200 404 200 404 404"),
                get(people + w.pupil2,                                        "401 200 200 404 200 404 404 404 404 200 404 200 404"),
                get(people + w.parent1,                                       "401 200 200 404 200 404 404 404 200 404 404 404 404"),
                get(people + w.teacherA,                                      "401 200 200 404 200 404 200 404 404 404 404 404 404"),
                call("PUT", () -> people + w.pupil1, () -> Map.of("firstName", "Pierre", "lastName", "Un"),
                                                                              "401 200 403 403 200 404 403 403 403 403 403 403 403"),
                call("POST", () -> people + w.freshPupil() + "/disable", null, "401 200 403 403 200 404 403 403 403 403 403 403 403"),
                call("POST", () -> people + w.pupil2 + "/enable", null,       "401 200 403 403 200 404 403 403 403 403 403 403 403"),
                get(people + w.pupil1 + "/enrolments",                        "401 200 200 404 200 404 200 404 200 404 200 404 404"),
                get(people + w.pupil1 + "/guardians",                         "401 200 200 404 200 404 404 404 200 404 200 404 404"),
                get(people + w.parent1 + "/children",                         "401 200 200 404 200 404 403 403 200 404 403 403 403"),
                get(people + w.teacherA + "/teaching-assignments",            "401 200 200 404 200 404 200 404 403 403 403 403 403"),
                call("POST", () -> BASE + "/enrolments", () -> Map.of("pupilId", w.freshPupil(), "classId", w.class4B),
                                                                              "401 201 403 403 201 404 403 403 403 403 403 403 403"),
                call("PATCH", () -> BASE + "/enrolments/" + w.enrolment1, () -> Map.of("groupIds", List.of()),
                                                                              "401 200 403 403 200 404 403 403 403 403 403 403 403"),
                call("DELETE", () -> BASE + "/enrolments/" + w.freshEnrolment(), null,
                                                                              "401 204 403 403 204 404 403 403 403 403 403 403 403"),
                call("POST", () -> BASE + "/guardianships", () -> Map.of("guardianId", Api.person("PARENT", "G", "H", null, w.schoolA), "pupilId", w.pupil1),
                                                                              "401 201 403 403 201 404 403 403 403 403 403 403 403"),
                call("PATCH", () -> BASE + "/guardianships/" + w.guardianship1, () -> Map.of("receivesCommunications", true),
                                                                              "401 200 403 403 200 404 403 403 403 403 403 403 403"),
                call("DELETE", () -> BASE + "/guardianships/" + w.freshGuardianship(), null,
                                                                              "401 204 403 403 204 404 403 403 403 403 403 403 403"),
                call("POST", () -> BASE + "/teaching-assignments", () -> Map.of("teacherId", Api.person("TEACHER", "T", "U", null, w.schoolA), "classGroupId", w.class4B, "subjectId", w.maths),
                                                                              "401 201 403 403 201 404 403 403 403 403 403 403 403"),
                call("DELETE", () -> BASE + "/teaching-assignments/" + w.freshAssignment(), null,
                                                                              "401 204 403 403 204 404 403 403 403 403 403 403 403"),
                get(BASE + "/me",                                             "401 404 403 403 200 200 200 200 200 200 200 200 404"),
                call("IMPORT", () -> A, null,                                 "401 202 403 403 202 404 403 403 403 403 403 403 403"),
                get(BASE + "/imports/" + w.importJob,                         "401 200 403 403 200 404 403 403 403 403 403 403 403"));

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

    /**
     * An inspector (IA-IPR) over two schools: only the admin creates, changes or disables one (the
     * staff of either school see them among their school's people, no more); the inspector reads
     * their own profile and nothing else of the directory.
     */
    @Test
    void only_the_admin_creates_or_changes_an_inspector_who_reads_their_own_profile() {
        if (w == null) w = new World();
        Map<String, Object> helene = new LinkedHashMap<>(Map.of("role", "INSPECTOR", "firstName", "Hélène", "lastName", "Garnier",
                "email", "helene.garnier@ac-strasbourg.example", "schoolIds", List.of(w.schoolA, w.schoolB)));
        Api.as(w.tokens.get("staffA")).body(Map.of("role", "INSPECTOR", "firstName", "Hélène", "lastName", "Garnier",
                "schoolIds", List.of(w.schoolA))).post(BASE + "/people").then().statusCode(403);
        Api.as(w.tokens.get("admin")).body(Map.of("role", "INSPECTOR", "firstName", "Hélène", "lastName", "Garnier"))
                .post(BASE + "/people").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("schoolIds"));
        String id = Api.as(w.tokens.get("admin")).body(helene).post(BASE + "/people").then().statusCode(201)
                .body("role", org.hamcrest.Matchers.equalTo("INSPECTOR"))
                .body("schoolIds", org.hamcrest.Matchers.containsInAnyOrder(w.schoolA.toString(), w.schoolB.toString()))
                .extract().path("id");

        // The staff of a school she inspects see her there, and only there; they change nothing of her.
        Api.as(w.tokens.get("staffA")).get(BASE + "/people/" + id).then().statusCode(200)
                .body("schoolIds", org.hamcrest.Matchers.contains(w.schoolA.toString()));
        Api.as(w.tokens.get("staffA")).body(Map.of("lastName", "Changé")).put(BASE + "/people/" + id).then().statusCode(403);
        Api.as(w.tokens.get("staffB")).post(BASE + "/people/" + id + "/disable").then().statusCode(403);
        Api.as(w.tokens.get("teacherA")).get(BASE + "/people/" + id).then().statusCode(404);
        Api.as(w.tokens.get("parent1")).get(BASE + "/people/" + id).then().statusCode(404);

        String token = TestTokens.inspector(UUID.fromString(id), w.schoolA, w.schoolB);
        Api.as(token).get(BASE + "/me").then().statusCode(200)
                .body("profile.id", org.hamcrest.Matchers.equalTo(id))
                .body("profile.role", org.hamcrest.Matchers.equalTo("INSPECTOR"))
                .body("profile.schoolIds", org.hamcrest.Matchers.hasSize(2))
                .body("children", org.hamcrest.Matchers.empty()).body("teaching", org.hamcrest.Matchers.empty());
        Api.as(token).get(BASE + "/people?schoolId=" + w.schoolA).then().statusCode(403);
        Api.as(token).get(BASE + "/people/" + w.pupil1).then().statusCode(403);
        Api.as(token).get(BASE + "/classes/" + w.class4A + "/pupils").then().statusCode(403);

        Api.as(w.tokens.get("admin")).body(Map.of("lastName", "Garnier-Roux")).put(BASE + "/people/" + id).then().statusCode(200);
        Api.as(w.tokens.get("admin")).post(BASE + "/people/" + id + "/disable").then().statusCode(200)
                .body("active", org.hamcrest.Matchers.is(false));
    }

    // --- Across schools: what the staff, and the integration, of one school must never see or change in another

    @Test
    void the_staff_of_one_school_see_only_their_schools_children_of_a_guardian_with_a_child_in_each_school() {
        if (w == null) w = new World();
        UUID yanis = Api.person("PUPIL", "Yanis", "Haddad", null, w.schoolA);
        UUID ines = Api.person("PUPIL", "Inès", "Haddad", null, w.schoolB);
        UUID nadia = Api.person("PARENT", "Nadia", "Haddad", "nadia.haddad@example.org", w.schoolA);
        Api.guardianship(nadia, yanis);
        Api.guardianship(nadia, ines);
        String children = BASE + "/people/" + nadia + "/children";

        given().auth().oauth2(w.tokens.get("staffA")).get(children).then().statusCode(200)
                .body("person.id", org.hamcrest.Matchers.contains(yanis.toString()))
                .body("guardianship.pupilId", org.hamcrest.Matchers.contains(yanis.toString()));
        given().auth().oauth2(w.tokens.get("integrationA")).get(children).then().statusCode(200)
                .body("person.id", org.hamcrest.Matchers.contains(yanis.toString()));
        given().auth().oauth2(w.tokens.get("staffB")).get(children).then().statusCode(200)
                .body("person.id", org.hamcrest.Matchers.contains(ines.toString()));
        given().auth().oauth2(w.tokens.get("admin")).get(children).then().statusCode(200)
                .body("person.id", org.hamcrest.Matchers.containsInAnyOrder(yanis.toString(), ines.toString()));
        given().auth().oauth2(TestTokens.parent(nadia, w.schoolA)).get(children).then().statusCode(200)
                .body("person.id", org.hamcrest.Matchers.containsInAnyOrder(yanis.toString(), ines.toString()));
        // nor does the guardian's own record tell the staff of A that she has ties with school B
        given().auth().oauth2(w.tokens.get("staffA")).get(BASE + "/people/" + nadia).then().statusCode(200)
                .body("schoolIds", org.hamcrest.Matchers.contains(w.schoolA.toString()));
        given().auth().oauth2(TestTokens.parent(nadia, w.schoolA)).get(BASE + "/me").then().statusCode(200)
                .body("children.person.id", org.hamcrest.Matchers.containsInAnyOrder(yanis.toString(), ines.toString()));
    }

    @Test
    void the_staff_of_one_school_cannot_enrol_a_pupil_of_another_school_nor_learn_her_enrolment_date() {
        if (w == null) w = new World();
        UUID ines = Api.person("PUPIL", "Inès", "Haddad", null, w.schoolB);
        LocalDate september = LocalDate.of(2025, 9, 1);
        Api.enrol(ines, w.classB, List.of(), september);
        String staffA = w.tokens.get("staffA");

        // on the day she is enrolled in B (answered 409 with her enrolment date), a later day
        // (answered 201: she was taken from her school), a group instead of a class, no class at all
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("pupilId", ines, "classId", w.class4A, "startsOn", september.toString()),
                Map.of("pupilId", ines, "classId", w.class4A, "startsOn", "2026-01-05"),
                Map.of("pupilId", ines, "classId", w.maths),
                Map.of("pupilId", ines))) {
            String answer = Api.as(staffA).body(body).post(BASE + "/enrolments").then().statusCode(404).extract().asString();
            assertThat(answer).as(body.toString()).doesNotContain(september.toString()).doesNotContain(w.classB.toString());
        }
        Api.as(w.tokens.get("admin")).get(BASE + "/people/" + ines + "/enrolments").then().statusCode(200)
                .body("classId", org.hamcrest.Matchers.contains(w.classB.toString()))
                .body("[0].endsOn", org.hamcrest.Matchers.nullValue());

        // the same for the other links a school's staff make: a guardian or a teacher of another school
        UUID parentB = Api.person("PARENT", "Paul", "Autre", "paul.autre@example.org", w.schoolB);
        Api.as(staffA).body(Map.of("guardianId", parentB, "pupilId", w.pupil1)).post(BASE + "/guardianships").then().statusCode(404);
        Api.as(staffA).body(Map.of("teacherId", w.teacherB, "classGroupId", w.class4A, "subjectId", w.maths))
                .post(BASE + "/teaching-assignments").then().statusCode(404);
        Api.as(w.tokens.get("admin")).get(BASE + "/people/" + parentB).then().body("schoolIds", org.hamcrest.Matchers.contains(w.schoolB.toString()));
    }

    @Test
    void a_school_integration_reads_its_school_only_and_changes_it_only_when_granted() {
        if (w == null) w = new World();
        UUID pupilB = Api.person("PUPIL", "Léo", "Bé", null, w.schoolB);
        String integrationA = w.tokens.get("integrationA");

        Api.as(integrationA).get(BASE + "/people?schoolId=" + w.schoolA + "&size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(w.pupil1.toString()));
        Api.as(integrationA).get(BASE + "/people?schoolId=" + w.schoolB).then().statusCode(404);
        Api.as(integrationA).get(BASE + "/people?size=200").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(pupilB.toString())));
        Api.as(integrationA).get(BASE + "/people/" + pupilB).then().statusCode(404);
        Api.as(integrationA).get(BASE + "/people/" + pupilB + "/guardians").then().statusCode(404);
        Api.as(integrationA).get(BASE + "/people/" + pupilB + "/enrolments").then().statusCode(404);
        Api.as(integrationA).get(BASE + "/schools").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(w.schoolA.toString()));

        // read-only unless the realm grants it integration-write
        Map<String, Object> newPupilOfA = Map.of("role", "PUPIL", "firstName", "Jo", "lastName", "Sync", "schoolIds", List.of(w.schoolA));
        Api.as(integrationA).body(newPupilOfA).post(BASE + "/people").then().statusCode(403);
        Api.as(integrationA).body(Map.of("firstName", "Pierre", "lastName", "Un")).put(BASE + "/people/" + w.pupil1).then().statusCode(403);
        String writerA = integration("school-a-integration", w.schoolA, Access.INTEGRATION_WRITE);
        Api.as(writerA).body(newPupilOfA).post(BASE + "/people").then().statusCode(201);
        Api.as(writerA).body(Map.of("firstName", "Léo", "lastName", "Bé")).put(BASE + "/people/" + pupilB).then().statusCode(404);
        Api.as(writerA).body(Map.of("pupilId", pupilB, "classId", w.class4A)).post(BASE + "/enrolments").then().statusCode(404);
        Api.as(writerA).body(Map.of("role", "PUPIL", "firstName", "Jo", "lastName", "Sync", "schoolIds", List.of(w.schoolB)))
                .post(BASE + "/people").then().statusCode(400);
        // the grant is for service accounts: a person's token carrying it changes nothing
        Api.as(TestTokens.person(w.parent1).roles("parent", Access.INTEGRATION_WRITE).schools(w.schoolA).sign())
                .body(newPupilOfA).post(BASE + "/people").then().statusCode(403);

        // a service account that the realm binds to no school reads nothing
        String unbound = TestTokens.service("some-back-end");
        Api.as(unbound).get(BASE + "/people?schoolId=" + w.schoolA).then().statusCode(404);
        Api.as(unbound).get(BASE + "/people/" + w.pupil1).then().statusCode(404);
        Api.as(unbound).get(BASE + "/people").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        Api.as(unbound).get(BASE + "/schools").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void what_the_staff_of_one_school_see_of_a_teacher_or_a_pupil_of_two_schools_is_only_their_school() {
        if (w == null) w = new World();
        UUID teacher = Api.person("TEACHER", "Marc", "Deux-Écoles", "marc@example.org", w.schoolA);
        Api.assignment(teacher, w.class4A, w.maths);
        UUID inB = Api.assignment(teacher, w.classB, Api.subject(w.schoolB, "SVT" + UUID.randomUUID().toString().substring(0, 4)));
        given().auth().oauth2(w.tokens.get("staffA")).get(BASE + "/people/" + teacher + "/teaching-assignments").then().statusCode(200)
                .body("schoolId", org.hamcrest.Matchers.contains(w.schoolA.toString()));
        given().auth().oauth2(w.tokens.get("staffB")).get(BASE + "/people/" + teacher + "/teaching-assignments").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(inB.toString()));
        given().auth().oauth2(TestTokens.teacher(teacher, w.schoolA)).get(BASE + "/people/" + teacher + "/teaching-assignments").then()
                .body("schoolId", org.hamcrest.Matchers.containsInAnyOrder(w.schoolA.toString(), w.schoolB.toString()));

        // a pupil who moved from B to A: A's staff see her enrolment in A, not her past in B
        UUID moved = Api.person("PUPIL", "Lina", "Partie", null, w.schoolB);
        UUID arrivals = Api.classGroup(w.schoolA, "CLASS", "5" + UUID.randomUUID().toString().substring(0, 4));
        Api.enrol(moved, w.classB, List.of(), LocalDate.of(2025, 9, 1));
        Api.enrol(moved, arrivals, List.of(), LocalDate.of(2026, 1, 5));
        given().auth().oauth2(w.tokens.get("staffA")).get(BASE + "/people/" + moved + "/enrolments").then().statusCode(200)
                .body("classId", org.hamcrest.Matchers.contains(arrivals.toString()));
        given().auth().oauth2(w.tokens.get("staffA")).get(BASE + "/people/" + moved).then()
                .body("schoolIds", org.hamcrest.Matchers.contains(w.schoolA.toString()));
        given().auth().oauth2(w.tokens.get("admin")).get(BASE + "/people/" + moved + "/enrolments").then()
                .body("classId", org.hamcrest.Matchers.contains(w.classB.toString(), arrivals.toString()));
    }

    /**
     * A school integration's token as the realm issues it: client credentials (no person), realm
     * role service (and the grants given), bound to its school by the client's hardcoded claim
     * {@code school_ids}.
     */
    static String integration(String clientId, UUID school, String... grants) {
        List<String> roles = new ArrayList<>(List.of("service"));
        roles.addAll(List.of(grants));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AccessMatrixTest.class.getClassLoader());
        try {
            return Jwt.claims().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("service-account-" + clientId)
                    .issuedAt(Instant.now()).expiresAt(Instant.now().plus(TestTokens.LIFETIME))
                    .groups(Set.copyOf(roles)).claim("realm_access", Map.of("roles", roles))
                    .claim("azp", clientId).claim("client_id", clientId)
                    .claim("school_ids", List.of(school.toString())).sign();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(2100);

    /** A new school year each time, within the supported dates (libs/web InputRules: up to 2199). */
    private static Map<String, Object> yearBody() {
        int year = YEARS.getAndIncrement();
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
