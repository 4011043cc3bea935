package fr.ent.grades;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static fr.ent.grades.World.as;
import static fr.ent.grades.World.mark;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with report cards, both ways, once 4A's are generated and published: download
 * Léa's (each family member their own copy, the staff side any), write a maths appreciation for
 * her (her maths teacher; 409 now that they are published), the council's (staff, or the class's professeur
 * principal: ReportCardsTest; 409 too),
 * generate again (staff; 409), read the job and the class's list (staff side). Not yours is 404, a
 * role that never may 403, no or bad token 401.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(fr.ent.testservers.S3Resource.class)
class ReportCardMatrixTest {

    @Inject
    DirectoryProjection projection;

    World w;
    UUID trimester;
    String job;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2);
        trimester = World.period(w.school, w.cpe.token(), w.classA, "1er trimestre", World.today().minusDays(20),
                World.today().plusDays(20));
        UUID a = World.assessment(w.claire.token(), w.classA, "MATHS", "Contrôle", World.today(), "1", 20, Map.of());
        World.enter(w.claire.token(), a, List.of(mark(w.lea(), 12), mark(w.pupilsA.get(1), 9)));
        World.publish(w.claire.token(), a);
        job = as(w.cpe.token()).post(base() + "/generation").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as(w.cpe.token())
                .get("/api/grades/report-card-jobs/" + job).then().extract().path("state")));
        as(w.cpe.token()).post(base() + "/publication").then().statusCode(200);
    }

    private String base() {
        return "/api/grades/classes/" + w.classA + "/periods/" + trimester + "/report-cards";
    }

    record Row(String actor, Function<World, String> token, int download, int appreciation, int council, int generate,
               int job, int list) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("Léa's maths teacher", x -> x.claire.token(), 404, 409, 404, 403, 403, 403),
            new Row("the French teacher of 4A", x -> x.paul.token(), 404, 404, 404, 403, 403, 403),
            new Row("a teacher of 4B only", x -> x.bruno.token(), 404, 404, 404, 403, 403, 403),
            new Row("a teacher of another school", x -> x.otherTeacher.token(), 404, 404, 404, 403, 403, 403),
            new Row("Léa", x -> x.lea().token(), 200, 403, 403, 403, 403, 403),
            new Row("a classmate", x -> x.pupilsA.get(1).token(), 404, 403, 403, 403, 403, 403),
            new Row("Léa's mother", x -> x.mother().token(), 200, 403, 403, 403, 403, 403),
            new Row("Léa's separated father", x -> x.father.token(), 200, 403, 403, 403, 403, 403),
            new Row("another family's guardian", x -> x.guardiansA.get(1).token(), 404, 403, 403, 403, 403, 403),
            new Row("staff of the school", x -> x.cpe.token(), 200, 403, 409, 409, 200, 200),
            new Row("staff of another school", x -> x.otherCpe.token(), 404, 403, 404, 404, 404, 404),
            new Row("the school's integration (reads only)", x -> TestTokens.integration("sis", x.school),
                    200, 403, 403, 403, 403, 200),
            new Row("platform admin, who has no person record", x -> TestTokens.platformAdmin(), 200, 403, 409, 409, 200, 200),
            new Row("no token", x -> null, 401, 401, 401, 401, 401, 401),
            new Row("expired token", x -> TestTokens.expired(x.cpe.id(), x.school, "staff"), 401, 401, 401, 401, 401, 401));

    @Test
    void every_actor_gets_exactly_what_the_rules_allow() {
        Map<String, String> failures = new LinkedHashMap<>();
        UUID lea = w.lea().id();
        for (Row row : MATRIX) {
            String token = row.token().apply(w);
            check(failures, row.actor() + " downloading Léa's report card", row.download(),
                    as(token).get("/api/grades/pupils/" + lea + "/periods/" + trimester + "/report-card").statusCode());
            check(failures, row.actor() + " writing Léa's maths appreciation", row.appreciation(),
                    as(token).body(Map.of("text", "Bien.")).put("/api/grades/periods/" + trimester + "/pupils/" + lea
                            + "/appreciations/MATHS").statusCode());
            check(failures, row.actor() + " writing the council's appreciation", row.council(),
                    as(token).body(Map.of("text", "Bien.")).put("/api/grades/periods/" + trimester + "/pupils/" + lea
                            + "/council-appreciation").statusCode());
            check(failures, row.actor() + " generating 4A's report cards", row.generate(),
                    as(token).post(base() + "/generation").statusCode());
            check(failures, row.actor() + " reading the job", row.job(),
                    as(token).get("/api/grades/report-card-jobs/" + job).statusCode());
            check(failures, row.actor() + " listing 4A's report cards", row.list(), as(token).get(base()).statusCode());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_family_before_publication_learns_nothing_more_than_for_an_unknown_period() {
        UUID second = World.period(w.school, w.cpe.token(), w.classA, "2e trimestre", World.today().plusDays(21),
                World.today().plusDays(60));
        String path = "/api/grades/classes/" + w.classA + "/periods/" + second + "/report-cards";
        String next = as(w.cpe.token()).post(path + "/generation").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as(w.cpe.token())
                .get("/api/grades/report-card-jobs/" + next).then().extract().path("state")));
        UUID third = World.period(w.school, w.cpe.token(), w.classA, "3e trimestre", World.today().plusDays(61),
                World.today().plusDays(90));
        String hidden = as(w.mother().token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + second + "/report-card")
                .then().statusCode(404).extract().body().asString();
        String none = as(w.mother().token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + third + "/report-card")
                .then().statusCode(404).extract().body().asString();
        assertThat(hidden.replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(none.replaceAll("\"instance\":\"[^\"]*\"", "")).contains("Bulletin introuvable.");
        // the staff have it already
        as(w.cpe.token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + second + "/report-card").then().statusCode(200);
    }

    private static void check(Map<String, String> failures, String what, int expected, int actual) {
        if (expected != actual) {
            failures.put(what, "expected " + expected + ", got " + actual);
        }
    }
}
