package fr.ent.identity;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static fr.ent.identity.Api.BASE;
import static fr.ent.identity.Api.admin;
import static fr.ent.identity.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** A whole school's roster: 1,500 pupils and 2,500 guardians, from generated CSV files. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class RosterImportTest {

    static final int PUPILS = 1500;
    static final int CLASSES = 50;

    /** The school's export, as its software would write it (French headers, `;`, BOM, dd/MM/yyyy). */
    record RosterFiles(String classes, String pupils, String guardians, String teachers) {
    }

    static RosterFiles generate() {
        StringBuilder classes = new StringBuilder("\uFEFFCode;Libellé;Type;Niveau\n");
        for (int c = 0; c < CLASSES; c++) classes.append(classCode(c)).append(";").append(classCode(c)).append(";CLASSE;").append(level(c)).append("\n");
        classes.append("LATIN;Latin;GROUPE;\nESP;Espagnol LV2;GROUPE;\nALL;Allemand LV2;GROUPE;\n");

        StringBuilder pupils = new StringBuilder("Identifiant;Nom;Prénom;Date de naissance;Classe;Groupes\n");
        StringBuilder guardians = new StringBuilder("Identifiant;Nom;Prénom;E-mail;Élèves;Responsable légal;Communications\n");
        int guardian = 0;
        for (int p = 0; p < PUPILS; p++) {
            String last = "Nom" + (p / 2); // siblings share a family name: two pupils per family
            pupils.append("E").append(p).append(";").append(last).append(";Élève").append(p).append(";")
                    .append(String.format("%02d/%02d/20%02d", 1 + p % 28, 1 + p % 12, 10 + p % 5)).append(";")
                    .append(classCode(p % CLASSES)).append(";").append(p % 3 == 0 ? "LATIN|ESP" : p % 3 == 1 ? "ALL" : "").append("\n");
        }
        // 750 families of two children; two guardians for most, one for some: 2,500 guardians,
        // plus separated parents with their own account per child to reach the count.
        for (int f = 0; f < PUPILS / 2; f++) {
            String children = "E" + (2 * f) + "|E" + (2 * f + 1);
            guardians.append("R").append(guardian++).append(";Nom").append(f).append(";Mère").append(f).append(";mere").append(f).append("@example.org;").append(children).append(";oui;oui\n");
            guardians.append("R").append(guardian++).append(";Nom").append(f).append(";Père").append(f).append(";pere").append(f).append("@example.org;").append(children).append(";oui;oui\n");
        }
        for (int p = 0; guardian < 2500; p++) {
            guardians.append("R").append(guardian++).append(";Autre").append(p).append(";Tuteur").append(p).append(";;E").append(p).append(";non;non\n");
        }
        StringBuilder teachers = new StringBuilder("Identifiant;Nom;Prénom;Email;Services\n");
        for (int t = 0; t < 60; t++) {
            teachers.append("P").append(t).append(";Prof").append(t).append(";Enseignant;prof").append(t).append("@example.org;")
                    .append(classCode(t % CLASSES)).append(":MATHS|").append(classCode((t + 7) % CLASSES)).append(":FRANCAIS")
                    .append(t == 0 ? "|LATIN:LATIN" : "").append("\n");
        }
        return new RosterFiles(classes.toString(), pupils.toString(), guardians.toString(), teachers.toString());
    }

    static String classCode(int c) {
        return (6 - c % 4) + "e" + (char) ('A' + c / 4);
    }

    static String level(int c) {
        return (6 - c % 4) + "EME";
    }

    static RequestSpecification upload(String token, RosterFiles f) {
        Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        parts.put("classes", f.classes().getBytes(StandardCharsets.UTF_8));
        if (f.pupils() != null) parts.put("pupils", f.pupils().getBytes(StandardCharsets.UTF_8));
        if (f.guardians() != null) parts.put("guardians", f.guardians().getBytes(StandardCharsets.UTF_8));
        if (f.teachers() != null) parts.put("teachers", f.teachers().getBytes(StandardCharsets.UTF_8));
        return Multipart.files(given().auth().oauth2(token), parts);
    }

    /** Starts an import and follows its progress to the end; returns the finished job. */
    static JsonPath run(String token, UUID school, RosterFiles f, boolean dryRun, List<String> progress) {
        String job = upload(token, f).post(BASE + "/schools/" + school + "/imports?dryRun=" + dryRun)
                .then().statusCode(202).body("dryRun", is(dryRun)).extract().path("id");
        AtomicReference<JsonPath> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonPath j = given().auth().oauth2(token).get(BASE + "/imports/" + job).then().statusCode(200).extract().jsonPath();
            last.set(j);
            progress.add(j.getString("phase") + " " + j.getInt("processed") + "/" + j.getInt("total"));
            return List.of("SUCCEEDED", "FAILED").contains(j.getString("status"));
        });
        return last.get();
    }

    static long peopleIn(UUID school) {
        return as(admin()).get(BASE + "/people?size=1&schoolId=" + school).then().statusCode(200).extract().<Integer>path("total");
    }

    @Test
    void a_school_roster_imports_all_or_nothing_and_a_second_import_changes_nothing() {
        UUID school = Api.school("Collège Import");
        String staff = TestTokens.staff(UUID.randomUUID(), school);
        RosterFiles files = generate();

        // A bad line: the whole roster is refused, every error with its file, line and column
        String badPupils = files.pupils().replaceFirst("(?m)^E16;([^;]*);([^;]*);[^;]*;", "E16;$1;$2;31/02/2010;")
                .replace(";Élève29;", ";;");
        upload(staff, new RosterFiles(files.classes(), badPupils, null, null))
                .post(BASE + "/schools/" + school + "/imports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://ent.example/problems/roster-invalid"))
                .body("errors.find { it.line == 18 }.file", is("pupils"))
                .body("errors.find { it.line == 18 }.field", is("date_naissance"))
                .body("errors.find { it.line == 31 }.field", is("prenom"));
        assertThat(peopleIn(school)).isZero();

        // Dry run: the report of what would change, and nothing written
        List<String> progress = new ArrayList<>();
        JsonPath dry = run(staff, school, files, true, progress);
        assertThat(dry.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(dry.getInt("report.pupils.created")).isEqualTo(PUPILS);
        assertThat(dry.getInt("report.guardians.created")).isEqualTo(2500);
        assertThat(dry.getInt("report.teachers.created")).isEqualTo(60);
        assertThat(dry.getInt("report.classes.created")).isEqualTo(CLASSES + 3);
        assertThat(dry.getInt("report.enrolments.created")).isEqualTo(PUPILS);
        assertThat(peopleIn(school)).isZero();
        as(admin()).get(BASE + "/schools/" + school + "/classes").then().body("size()", is(0));

        // Apply
        progress.clear();
        JsonPath applied = run(staff, school, files, false, progress);
        assertThat(applied.getString("status")).as(applied.prettify()).isEqualTo("SUCCEEDED");
        long millis = applied.getLong("durationMs");
        System.out.printf("%n*** Roster import of %d pupils and 2500 guardians (+60 teachers, %d classes): %d ms; progress seen: %s%n%n",
                PUPILS, CLASSES + 3, millis, progress);
        assertThat(millis).isLessThan(60_000);
        assertThat(applied.getInt("percent")).isEqualTo(100);
        assertThat(applied.getMap("report.guardianships")).containsEntry("created", 2 * PUPILS + (2500 - PUPILS));
        assertThat(applied.getMap("report.teachingAssignments")).containsEntry("created", 121);
        assertThat(peopleIn(school)).isEqualTo(PUPILS + 2500 + 60);

        // What the school now has, read back through the API
        String classId = as(admin()).get(BASE + "/schools/" + school + "/classes").then().extract()
                .path("find { it.code == '6eA' }.id");
        as(admin()).get(BASE + "/classes/" + classId + "/pupils").then().statusCode(200)
                .body("size()", is(PUPILS / CLASSES))
                .body("firstName", hasItem("Élève0"));

        // Re-import of the same files: nothing changes
        JsonPath again = run(staff, school, files, false, new ArrayList<>());
        assertThat(again.getString("status")).isEqualTo("SUCCEEDED");
        Map<String, Map<String, Integer>> report = again.getMap("report");
        report.forEach((kind, counts) -> {
            assertThat(counts.get("created")).as(kind + " created").isZero();
            assertThat(counts.get("updated")).as(kind + " updated").isZero();
            assertThat(counts.get("ended")).as(kind + " ended").isZero();
        });
        assertThat(again.getInt("report.pupils.unchanged")).isEqualTo(PUPILS);
        assertThat(peopleIn(school)).isEqualTo(PUPILS + 2500 + 60);

        // A pupil moved to another class: one enrolment ends, another starts; the rest stays
        String moved = files.pupils().replaceFirst("(?m)^E0;Nom0;Élève0;01/01/2010;6eA;", "E0;Nom0;Élève0;01/01/2010;5eA;");
        JsonPath move = run(staff, school, new RosterFiles(files.classes(), moved, files.guardians(), files.teachers()), false, new ArrayList<>());
        assertThat(move.getInt("report.enrolments.updated") + move.getInt("report.enrolments.ended")).isEqualTo(1);
        assertThat(move.getInt("report.pupils.updated")).isZero();
    }

    @Test
    void the_professeur_principal_column_flags_the_teachers_assignments_in_that_class_and_is_published() throws Exception {
        UUID school = Api.school("Collège Professeur Principal");
        String staff = TestTokens.staff(UUID.randomUUID(), school);
        String classes = "Code;Libellé;Type;Niveau\n4A;4e A;CLASSE;4EME\n3B;3e B;CLASSE;3EME\n";
        String teachers = "Identifiant;Nom;Prénom;Email;Services;Professeur principal\n"
                + "PP1;Martin;Claire;claire.pp@example.org;4A:MATHS|3B:MATHS;4A\n"
                + "PP2;Bernard;Paul;paul.pp@example.org;4A:FRANCAIS;\n";
        // a professeur principal of a class they do not teach: refused with its line and column
        upload(staff, new RosterFiles(classes, null, null, teachers.replace("4A:FRANCAIS;", "4A:FRANCAIS;3B")))
                .post(BASE + "/schools/" + school + "/imports").then().statusCode(400)
                .body("errors.find { it.line == 3 }.field", is("professeur_principal"));

        JsonPath first = run(staff, school, new RosterFiles(classes, null, null, teachers), false, new ArrayList<>());
        assertThat(first.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(first.getInt("report.teachingAssignments.created")).isEqualTo(3);
        List<com.fasterxml.jackson.databind.JsonNode> published = assignmentsOf(school, 3);
        assertThat(published).filteredOn(a -> a.path("headTeacher").asBoolean()).hasSize(1)
                .allSatisfy(a -> assertThat(a.path("subject").asText()).isEqualTo("MATHS"));
        assertThat(published).filteredOn(a -> !a.path("headTeacher").asBoolean()).hasSize(2);

        // the next year's export names Paul instead: both assignments change, a new version each
        String swapped = teachers.replace("3B:MATHS;4A", "3B:MATHS;").replace("4A:FRANCAIS;", "4A:FRANCAIS;4A");
        JsonPath second = run(staff, school, new RosterFiles(classes, null, null, swapped), false, new ArrayList<>());
        assertThat(second.getInt("report.teachingAssignments.updated")).isEqualTo(2);
        Map<String, com.fasterxml.jackson.databind.JsonNode> latest = new java.util.HashMap<>();
        assignmentsOf(school, 5).forEach(a -> latest.merge(a.path("assignmentId").asText(), a,
                (x, y) -> x.path("version").asLong() > y.path("version").asLong() ? x : y));
        assertThat(latest.values()).extracting(a -> a.path("subject").asText() + "=" + a.path("headTeacher").asBoolean())
                .containsExactlyInAnyOrder("MATHS=false", "MATHS=false", "FRANCAIS=true");

        // a file without the column leaves the flags as they are
        String without = swapped.replace(";Professeur principal", "").replaceAll(";(4A)?\\n", "\n");
        JsonPath third = run(staff, school, new RosterFiles(classes, null, null, without), false, new ArrayList<>());
        assertThat(third.getInt("report.teachingAssignments.updated")).isZero();
        assertThat(third.getInt("report.teachingAssignments.unchanged")).isEqualTo(3);
    }

    /** The school's TeachingAssignmentUpserted payloads, once there are {@code count}. */
    private static List<com.fasterxml.jackson.databind.JsonNode> assignmentsOf(UUID school, int count) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        for (fr.ent.testkit.TopicReader.Event e : fr.ent.testkit.TopicReader.await("ent.identity", count,
                r -> "fr.ent.identity.teaching-assignment-upserted.v1".equals(r.type()) && school.toString().equals(r.schoolId()))) {
            out.add(json.readTree(e.value()));
        }
        return out;
    }
}
