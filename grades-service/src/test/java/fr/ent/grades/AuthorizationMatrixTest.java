package fr.ent.grades;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static fr.ent.grades.World.as;
import static fr.ent.grades.World.mark;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, both ways, in one table: each actor against Léa's marks and averages, Claire's
 * published maths assessment of 4A (shown to families at once), 4A's assessments, marks and
 * statistics, setting an assessment and its marks, locking a period and the school's settings.
 * A teacher of the class in another subject reads its averages, not that assessment's marks.
 * Not yours is 404 (a class one does not teach, in the body: 400); a role that never may is 403;
 * no or bad token 401.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AuthorizationMatrixTest {

    @Inject
    DirectoryProjection projection;

    World w;
    UUID assessment;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2).withYear();
        assessment = World.assessment(w.claire.token(), w.classA, "MATHS", "Contrôle", World.today(), "1", 20,
                Map.of("pupilsOn", World.today().toString(), "guardianDelayDays", 0));
        World.enter(w.claire.token(), assessment, List.of(mark(w.lea(), 12)));
        World.publish(w.claire.token(), assessment);
    }

    record Row(String actor, Function<World, String> token, int pupilMarks, int averages, int readAssessment,
               int classAssessments, int assessmentMarks, int create, int enter, int lock, int classStatistics,
               int settings) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("the maths teacher of 4A", x -> x.claire.token(), 200, 200, 200, 200, 200, 201, 200, 403, 200, 403),
            new Row("the French teacher of 4A", x -> x.paul.token(), 200, 200, 404, 200, 404, 400, 404, 403, 200, 403),
            new Row("a teacher of 4B only", x -> x.bruno.token(), 404, 404, 404, 404, 404, 400, 404, 403, 404, 403),
            new Row("a teacher of another school", x -> x.otherTeacher.token(), 404, 404, 404, 404, 404, 400, 404, 403, 404, 403),
            new Row("Léa", x -> x.lea().token(), 200, 200, 200, 403, 403, 403, 403, 403, 403, 403),
            new Row("a classmate without a mark in it", x -> x.pupilsA.get(1).token(), 404, 404, 404, 403, 403, 403, 403, 403, 403, 403),
            new Row("Léa's mother", x -> x.mother().token(), 200, 200, 200, 403, 403, 403, 403, 403, 403, 403),
            new Row("Léa's separated father", x -> x.father.token(), 200, 200, 200, 403, 403, 403, 403, 403, 403, 403),
            new Row("another family's guardian", x -> x.guardiansA.get(1).token(), 404, 404, 404, 403, 403, 403, 403, 403, 403, 403),
            new Row("staff of the school", x -> x.cpe.token(), 200, 200, 200, 200, 200, 201, 200, 200, 200, 200),
            new Row("staff of another school", x -> x.otherCpe.token(), 404, 404, 404, 404, 404, 400, 404, 404, 404, 404),
            new Row("staff claiming the school in a forged claim", x -> TestTokens.staff(x.otherCpe.id(), x.otherSchool),
                    404, 404, 404, 404, 404, 400, 404, 404, 404, 404),
            new Row("the school's integration (reads only)", x -> TestTokens.integration("sis", x.school),
                    200, 200, 200, 200, 200, 403, 403, 403, 200, 403),
            new Row("platform admin, who has no person record", x -> TestTokens.platformAdmin(),
                    200, 200, 200, 200, 200, 201, 200, 200, 200, 200),
            new Row("no token", x -> null, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401),
            new Row("expired token", x -> TestTokens.expired(x.cpe.id(), x.school, "staff"), 401, 401, 401, 401, 401, 401, 401, 401, 401, 401));

    @Test
    void every_actor_gets_exactly_what_the_rules_allow() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < MATRIX.size(); i++) {
            Row row = MATRIX.get(i);
            String token = row.token().apply(w);
            check(failures, row.actor() + " reading Léa's marks", row.pupilMarks(),
                    as(token).get("/api/grades/pupils/" + w.lea().id() + "/marks").statusCode());
            check(failures, row.actor() + " reading Léa's averages", row.averages(),
                    as(token).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages").statusCode());
            check(failures, row.actor() + " reading the assessment", row.readAssessment(),
                    as(token).get("/api/grades/assessments/" + assessment).statusCode());
            check(failures, row.actor() + " listing 4A's assessments", row.classAssessments(),
                    as(token).get("/api/grades/classes/" + w.classA + "/assessments").statusCode());
            check(failures, row.actor() + " listing the assessment's marks", row.assessmentMarks(),
                    as(token).get("/api/grades/assessments/" + assessment + "/marks").statusCode());
            check(failures, row.actor() + " setting a maths assessment for 4A", row.create(),
                    as(token).body(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS", "title", "Essai " + i,
                            "heldOn", World.today().toString(), "coefficient", 1, "scale", 20, "teacherId", w.claire.id().toString()))
                            .post("/api/grades/assessments").statusCode());
            check(failures, row.actor() + " entering the marks", row.enter(),
                    as(token).body(Map.of("marks", List.of(mark(w.lea(), 10 + i % 5))))
                            .put("/api/grades/assessments/" + assessment + "/marks").statusCode());
            UUID period = World.period(w.school, w.cpe.token(), w.classB, "P" + i, World.today().plusDays(20 + 2L * i),
                    World.today().plusDays(21 + 2L * i));
            check(failures, row.actor() + " locking a period", row.lock(),
                    as(token).post("/api/grades/periods/" + period + "/lock").statusCode());
            check(failures, row.actor() + " reading 4A's statistics", row.classStatistics(),
                    as(token).get("/api/grades/classes/" + w.classA + "/periods/" + w.year + "/statistics").statusCode());
            check(failures, row.actor() + " changing the school's settings", row.settings(),
                    as(token).body(Map.of("markStep", 0.25, "roundingStep", 0.01, "roundingMode", "NEAREST",
                                    "unjustifiedAbsenceCountsAsZero", false, "pupilDelayDays", 1, "guardianDelayDays", 1))
                            .put("/api/grades/schools/" + w.school + "/settings").statusCode());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_guardian_before_the_delay_learns_nothing_of_the_assessment() {
        UUID later = World.assessment(w.claire.token(), w.classA, "MATHS", "Plus tard", World.today(), "1", 20, Map.of());
        World.enter(w.claire.token(), later, List.of(mark(w.lea(), 3)));
        World.publish(w.claire.token(), later);
        String unknown = as(w.mother().token()).get("/api/grades/assessments/" + UUID.randomUUID()).then().statusCode(404)
                .extract().body().asString();
        String hidden = as(w.mother().token()).get("/api/grades/assessments/" + later).then().statusCode(404)
                .extract().body().asString();
        assertThat(hidden.replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
        assertThat(as(w.mother().token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().extract()
                .jsonPath().getList("assessment.id", String.class)).containsExactly(assessment.toString());
    }

    private static void check(Map<String, String> failures, String what, int expected, int actual) {
        if (expected != actual) {
            failures.put(what, "expected " + expected + ", got " + actual);
        }
    }
}
