package fr.ent.homework;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.S3Resource;
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

import static fr.ent.homework.World.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, both ways, in one table: each actor against Léa's list, 4A's cahier de textes,
 * Claire's HAND_IN work for 4A, setting maths work for 4A, 4A's workload, the work's hand-ins,
 * stamping a visa and reading Léa's hand-in. Not yours is 404 (a class one does not teach, in the
 * body: 400); a role that never may is 403; no or bad token 401.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class AuthorizationMatrixTest {

    @Inject
    DirectoryProjection projection;

    World w;
    UUID work;

    @BeforeEach
    void seed() {
        w = World.create(projection);
        work = w.setWork("Rédaction", "HAND_IN", World.today().plusDays(3), 30);
        String file = World.upload(w.lea.token(), "/api/homework/works/" + work + "/hand-ins/" + w.lea.id() + "/uploads", "r.pdf",
                World.PDF, "application/pdf");
        as(w.lea.token()).body(Map.of("fileIds", List.of(file))).put("/api/homework/works/" + work + "/hand-ins/" + w.lea.id())
                .then().statusCode(200);
        as(w.claire.token()).body(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS", "lessonOn", World.today().toString(),
                "title", "Fractions", "content", "Cours")).post("/api/homework/log-entries").then().statusCode(201);
    }

    record Row(String actor, Function<World, String> token, int list, int log, int readWork, int setWork, int workload,
               int handIns, int visa, int leasHandIn) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("the maths teacher of 4A", x -> x.claire.token(), 200, 200, 200, 201, 200, 200, 403, 200),
            new Row("the French teacher of 4A", x -> x.paul.token(), 200, 200, 200, 400, 200, 200, 403, 200),
            new Row("a teacher of 4B only", x -> x.bruno.token(), 404, 404, 404, 400, 404, 404, 403, 404),
            new Row("a teacher of another school", x -> x.otherTeacher.token(), 404, 404, 404, 400, 404, 404, 403, 404),
            new Row("Léa", x -> x.lea.token(), 200, 200, 200, 403, 403, 403, 403, 200),
            new Row("her classmate Hugo", x -> x.hugo.token(), 404, 200, 200, 403, 403, 403, 403, 404),
            new Row("a pupil of 4B", x -> x.zoe.token(), 404, 404, 404, 403, 403, 403, 403, 404),
            new Row("Léa's mother", x -> x.mother.token(), 200, 200, 200, 403, 403, 403, 403, 200),
            new Row("Hugo's father", x -> x.hugoParent.token(), 404, 200, 200, 403, 403, 403, 403, 404),
            new Row("staff of the school", x -> x.cpe.token(), 200, 200, 200, 403, 200, 200, 201, 200),
            new Row("staff of another school", x -> x.otherCpe.token(), 404, 404, 404, 403, 404, 404, 404, 404),
            new Row("a pupil of another school", x -> x.otherPupil.token(), 404, 404, 404, 403, 403, 403, 403, 404),
            new Row("an inspector of the school (cahier de textes and visas only)", x -> x.inspector.token(),
                    403, 200, 403, 403, 403, 403, 201, 403),
            new Row("an inspector of another school", x -> x.otherInspector.token(), 403, 404, 403, 403, 403, 403, 404, 403),
            new Row("the school's integration (reads only)", x -> TestTokens.integration("sis", x.school),
                    200, 200, 200, 403, 200, 200, 403, 200),
            new Row("platform admin, who has no person record", x -> TestTokens.platformAdmin(),
                    200, 200, 200, 403, 200, 200, 201, 200),
            new Row("no token", x -> null, 401, 401, 401, 401, 401, 401, 401, 401),
            new Row("expired token", x -> TestTokens.expired(x.cpe.id(), x.school, "staff"), 401, 401, 401, 401, 401, 401, 401, 401));

    @Test
    void every_actor_gets_exactly_what_the_rules_allow() {
        Map<String, String> failures = new LinkedHashMap<>();
        String base = "/api/homework/works/" + work;
        for (Row row : MATRIX) {
            String token = row.token().apply(w);
            check(failures, row.actor() + " reading Léa's list", row.list(),
                    as(token).get("/api/homework/pupils/" + w.lea.id() + "/todo").statusCode());
            check(failures, row.actor() + " reading 4A's cahier de textes", row.log(),
                    as(token).get("/api/homework/classes/" + w.classA + "/log").statusCode());
            check(failures, row.actor() + " reading the work", row.readWork(), as(token).get(base).statusCode());
            check(failures, row.actor() + " setting maths work for 4A", row.setWork(),
                    as(token).body(w.work("Essai", "EXERCISE", World.today().plusDays(4), 10, Map.of())).post("/api/homework/works").statusCode());
            check(failures, row.actor() + " reading 4A's workload", row.workload(),
                    as(token).get("/api/homework/classes/" + w.classA + "/workload?day=" + World.today().plusDays(3)).statusCode());
            check(failures, row.actor() + " reading who handed in", row.handIns(), as(token).get(base + "/hand-ins").statusCode());
            check(failures, row.actor() + " stamping a visa", row.visa(),
                    as(token).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", World.today().toString(), "comment", "Vu"))
                            .post("/api/homework/classes/" + w.classA + "/visas").statusCode());
            check(failures, row.actor() + " reading Léa's hand-in", row.leasHandIn(),
                    as(token).get(base + "/hand-ins/" + w.lea.id()).statusCode());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void a_work_not_yet_visible_and_one_that_does_not_exist_look_the_same_to_a_family() {
        String hidden = as(w.claire.token()).body(w.work("Plus tard", "EXERCISE", World.today().plusDays(5), 10,
                        Map.of("visibleFrom", World.today().plusDays(2).atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toOffsetDateTime().toString())))
                .post("/api/homework/works").then().statusCode(201).extract().path("work.id");
        String unknown = as(w.mother.token()).get("/api/homework/works/" + UUID.randomUUID()).then().statusCode(404).extract().asString();
        String notYet = as(w.mother.token()).get("/api/homework/works/" + hidden).then().statusCode(404).extract().asString();
        assertThat(notYet.replaceAll("\"instance\":\"[^\"]*\"", "")).isEqualTo(unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
        as(w.paul.token()).get("/api/homework/works/" + hidden).then().statusCode(200);
    }

    private static void check(Map<String, String> failures, String what, int expected, int actual) {
        if (expected != actual) {
            failures.put(what, "expected " + expected + ", got " + actual);
        }
    }
}
