package fr.ent.grades;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.grades.World.as;
import static fr.ent.grades.World.mark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Bad input is a 4xx problem detail that changes nothing: a mark above the scale or off the school's
 * step, a negative coefficient, a pupil not in the class, a change after the period is locked, an
 * assessment for a class or subject the teacher does not teach.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class BadInputTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    DirectoryProjection projection;

    World w;
    UUID assessment;

    @BeforeEach
    void seed() {
        w = World.create(projection, 3).withYear();
        assessment = w.assessment("Contrôle", "2", 10);
        World.enter(w.claire.token(), assessment, List.of(mark(w.lea(), 8), mark(w.pupilsA.get(1), 6.5)));
    }

    @AfterEach
    void resetClock() {
        World.at(World.today(), 10, 30);
    }

    private void marksAreStill(double lea, double hugo) {
        as(w.claire.token()).get("/api/grades/assessments/" + assessment + "/marks").then().statusCode(200)
                .body("$", hasSize(2))
                .body("find { it.pupilId == '" + w.lea().id() + "' }.value", equalTo((float) lea))
                .body("find { it.pupilId == '" + w.pupilsA.get(1).id() + "' }.value", equalTo((float) hugo));
    }

    private io.restassured.response.ValidatableResponse put(List<Map<String, Object>> marks) {
        return as(w.claire.token()).body(Map.of("marks", marks)).put("/api/grades/assessments/" + assessment + "/marks").then();
    }

    @Test
    void a_mark_above_the_scale_is_refused_and_no_other_line_is_written() {
        put(List.of(mark(w.lea(), 9), mark(w.pupilsA.get(1), 10.5))).statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("barème")).body("errors[0].field", equalTo("marks[1].value"));
        put(List.of(mark(w.lea(), -1))).statusCode(400).contentType(PROBLEM);
        // off the school's step (0.25 by default)
        put(List.of(mark(w.lea(), 7.3))).statusCode(400).body("errors[0].field", equalTo("marks[0].value"));
        marksAreStill(8, 6.5);
    }

    @Test
    void the_schools_step_of_half_points_refuses_quarters() {
        as(w.cpe.token()).body(Map.of("markStep", 0.5, "roundingStep", 0.1, "roundingMode", "UP",
                "unjustifiedAbsenceCountsAsZero", false, "pupilDelayDays", 1, "guardianDelayDays", 1))
                .put("/api/grades/schools/" + w.school + "/settings").then().statusCode(200);
        put(List.of(mark(w.lea(), 7.25))).statusCode(400);
        put(List.of(mark(w.lea(), 7.5), mark(w.pupilsA.get(1), 6.5))).statusCode(200);
        // a step that is not one of the school's choices
        as(w.cpe.token()).body(Map.of("markStep", 0.3, "roundingStep", 0.1, "roundingMode", "UP",
                "unjustifiedAbsenceCountsAsZero", false, "pupilDelayDays", 1, "guardianDelayDays", 1))
                .put("/api/grades/schools/" + w.school + "/settings").then().statusCode(400).body("errors[0].field", equalTo("markStep"));
    }

    @Test
    void a_pupil_not_in_the_class_is_refused_and_nothing_is_half_written() {
        put(List.of(mark(w.lea(), 9), mark(w.zoe, 5))).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("marks[1].pupilId"));
        put(List.of(mark(w.lea(), 9), mark(w.otherPupil, 5))).statusCode(400);
        put(List.of(mark(w.lea(), 9), mark(w.lea(), 5))).statusCode(400).body("detail", containsString("double"));
        // a mark and a marker at once, or nothing at all
        put(List.of(Map.of("pupilId", w.lea().id().toString(), "value", 5, "marker", "ABSENT"))).statusCode(400);
        put(List.of(Map.of("pupilId", w.lea().id().toString()))).statusCode(400);
        // a skill the assessment does not rate
        put(List.of(Map.of("pupilId", w.lea().id().toString(), "skills", Map.of("D1.3", "SATISFACTORY")))).statusCode(400);
        marksAreStill(8, 6.5);
    }

    @Test
    void a_negative_coefficient_or_a_bad_scale_creates_nothing() {
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS",
                "title", "Négatif", "heldOn", World.today().toString(), "coefficient", -1, "scale", 20));
        as(w.claire.token()).body(body).post("/api/grades/assessments").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("coefficient"));
        body.put("coefficient", 1);
        body.put("scale", 0);
        as(w.claire.token()).body(body).post("/api/grades/assessments").then().statusCode(400);
        body.put("scale", 20);
        body.put("skills", List.of("D9"));
        as(w.claire.token()).body(body).post("/api/grades/assessments").then().statusCode(400);
        as(w.claire.token()).get("/api/grades/classes/" + w.classA + "/assessments").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void an_assessment_for_a_class_or_subject_the_teacher_does_not_teach_is_refused() {
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", w.classB.toString(), "subject", "MATHS",
                "title", "Pas ma classe", "heldOn", World.today().toString(), "coefficient", 1, "scale", 20));
        as(w.claire.token()).body(body).post("/api/grades/assessments").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("classGroupId"));
        // Paul teaches 4A, but French
        body.put("classGroupId", w.classA.toString());
        as(w.paul.token()).body(body).post("/api/grades/assessments").then().statusCode(400);
        // nor may he mark Claire's
        as(w.paul.token()).body(Map.of("marks", List.of(mark(w.lea(), 2)))).put("/api/grades/assessments/" + assessment + "/marks")
                .then().statusCode(404);
        // a teacher of another school: the class is unknown to them
        body.put("classGroupId", w.classA.toString());
        as(w.otherTeacher.token()).body(body).post("/api/grades/assessments").then().statusCode(400);
        as(w.claire.token()).get("/api/grades/classes/" + w.classA + "/assessments").then().body("$", hasSize(1));
        marksAreStill(8, 6.5);
    }

    @Test
    void after_the_period_is_locked_no_mark_changes() {
        UUID trimester = World.period(w.school, w.cpe.token(), w.classA, "Trimestre 1", World.today().minusDays(10),
                World.today().plusDays(10));
        UUID inTrimester = w.assessment("Dans le trimestre", "1", 20);
        as(w.claire.token()).get("/api/grades/assessments/" + inTrimester).then().body("periodId", equalTo(trimester.toString()));
        World.enter(w.claire.token(), inTrimester, List.of(mark(w.lea(), 12)));
        as(w.cpe.token()).post("/api/grades/periods/" + trimester + "/lock").then().statusCode(200).body("locked", equalTo(true));
        as(w.claire.token()).body(Map.of("marks", List.of(mark(w.lea(), 18)))).put("/api/grades/assessments/" + inTrimester + "/marks")
                .then().statusCode(409).contentType(PROBLEM).body("type", containsString("period-locked"));
        as(w.claire.token()).post("/api/grades/assessments/" + inTrimester + "/publish").then().statusCode(409);
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS",
                "title", "Trop tard", "heldOn", World.today().toString(), "coefficient", 1, "scale", 20));
        as(w.claire.token()).body(body).post("/api/grades/assessments").then().statusCode(409);
        as(w.claire.token()).get("/api/grades/assessments/" + inTrimester + "/marks").then().body("[0].value", equalTo(12.0f));
        // the lock is announced with the period's name
        TopicReader.Event locked = TopicReader.await("ent.grades", trimester,
                "fr.ent.grades.period-locked.v1", 1).get(0);
        assertThat(locked.data().path("periodName").asText()).isEqualTo("Trimestre 1");
    }

    @Test
    void a_period_locks_by_itself_after_its_locking_date() {
        LocalDate today = World.today();
        UUID late = World.period(w.school, w.cpe.token(), w.classB, "Trimestre B", today.minusDays(5), today.plusDays(5));
        UUID histoire = World.assessment(w.bruno.token(), w.classB, "HISTOIRE", "Interro", today, "1", 20, Map.of());
        World.enter(w.bruno.token(), histoire, List.of(mark(w.zoe, 11)));
        World.at(today.plusDays(5), 23, 0);
        World.enter(w.bruno.token(), histoire, List.of(mark(w.zoe, 12)));
        World.at(today.plusDays(6), 0, 1);
        as(w.bruno.token()).body(Map.of("marks", List.of(mark(w.zoe, 13)))).put("/api/grades/assessments/" + histoire + "/marks")
                .then().statusCode(409);
        as(w.cpe.token()).get("/api/grades/schools/" + w.school + "/periods?classGroupId=" + w.classB).then()
                .body("find { it.id == '" + late + "' }.locked", equalTo(true));
    }

    @Test
    void bad_periods_are_refused() {
        LocalDate today = World.today();
        Map<String, Object> body = new HashMap<>(Map.of("schoolYear", World.schoolYear(), "name", "À l'envers",
                "startsOn", today.toString(), "endsOn", today.minusDays(1).toString()));
        as(w.cpe.token()).body(body).post("/api/grades/schools/" + w.school + "/periods").then().statusCode(400);
        body.put("endsOn", today.plusDays(3).toString());
        body.put("classGroupId", w.otherClass.toString());
        as(w.cpe.token()).body(body).post("/api/grades/schools/" + w.school + "/periods").then().statusCode(400)
                .body("errors[0].field", equalTo("classGroupId"));
        body.remove("classGroupId");
        // overlaps the school's year
        as(w.cpe.token()).body(body).post("/api/grades/schools/" + w.school + "/periods").then().statusCode(409);
    }

    @Test
    void an_assessment_is_withdrawn_only_before_it_is_published() {
        // not Paul's to withdraw, and Claire's own marks stay
        as(w.paul.token()).delete("/api/grades/assessments/" + assessment).then().statusCode(404);
        marksAreStill(8, 6.5);
        UUID published = w.assessment("Publié", "1", 20);
        World.enter(w.claire.token(), published, List.of(mark(w.lea(), 11)));
        World.publish(w.claire.token(), published);
        as(w.claire.token()).delete("/api/grades/assessments/" + published).then().statusCode(409).contentType(PROBLEM)
                .body("type", containsString("assessment-published"));
        as(w.claire.token()).get("/api/grades/assessments/" + published + "/marks").then().statusCode(200).body("$", hasSize(1));
        // before publication: gone, with its marks
        as(w.claire.token()).delete("/api/grades/assessments/" + assessment).then().statusCode(204);
        as(w.claire.token()).get("/api/grades/assessments/" + assessment).then().statusCode(404);
        as(w.cpe.token()).get("/api/grades/classes/" + w.classA + "/assessments").then().body("id", org.hamcrest.Matchers.contains(published.toString()));
    }
}
