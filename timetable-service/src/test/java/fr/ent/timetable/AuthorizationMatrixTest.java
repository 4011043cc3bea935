package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, both ways, in one table: each actor against the weeks of pupil 0 (4A), of class
 * 4A, of teacher A, of room B12, the school's calendar, cancelling an occurrence and planning a
 * lesson, importing a timetable (dry run) and restoring an occurrence. Not-yours is 404; a role that never may is 403; no or bad token 401.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AuthorizationMatrixTest {

    @Inject
    DirectoryProjection projection;

    World w;
    UUID lesson;
    LocalDate tuesday;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2).withCalendar();
        tuesday = World.next(DayOfWeek.TUESDAY);
        lesson = w.plan(World.weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
    }

    record Row(String actor, Function<World, String> token, int pupilWeek, int classWeek, int teacherWeek, int roomWeek,
               int calendar, int cancel, int plan, int importDryRun, int restore) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("the teacher of the class", World::teacherAToken, 200, 200, 200, 200, 200, 403, 403, 403, 403),
            new Row("a colleague teaching another class", World::teacherBToken, 404, 404, 200, 200, 200, 403, 403, 403, 403),
            new Row("a teacher of both schools", World::teacherBothToken, 404, 404, 200, 200, 200, 403, 403, 403, 403),
            new Row("a teacher of another school", World::otherTeacherToken, 404, 404, 404, 404, 404, 403, 403, 403, 403),
            new Row("the pupil", x -> x.pupilToken(0), 200, 403, 403, 403, 200, 403, 403, 403, 403),
            new Row("another pupil of the class", x -> x.pupilToken(1), 404, 403, 403, 403, 200, 403, 403, 403, 403),
            new Row("a guardian of the pupil", x -> x.guardianToken(0), 200, 403, 403, 403, 200, 403, 403, 403, 403),
            new Row("a guardian of another pupil", x -> x.guardianToken(1), 404, 403, 403, 403, 200, 403, 403, 403, 403),
            new Row("staff of the school", World::cpeToken, 200, 200, 200, 200, 200, 200, 201, 200, 200),
            new Row("staff of another school", World::otherCpeToken, 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Row("staff claiming the school in a forged claim", x -> TestTokens.staff(x.otherCpe, x.otherSchool), 404, 404, 404, 404, 404, 404, 404, 404, 404),
            new Row("the school's integration (reads only)", x -> TestTokens.integration("sis", x.school), 200, 200, 200, 200, 403, 403, 403, 403, 403),
            new Row("platform admin, who has no person record", x -> TestTokens.platformAdmin(), 200, 200, 200, 200, 200, 200, 201, 200, 200),
            new Row("no token", x -> null, 401, 401, 401, 401, 401, 401, 401, 401, 401),
            new Row("expired token", x -> TestTokens.expired(x.cpe, x.school, "staff"), 401, 401, 401, 401, 401, 401, 401, 401, 401));

    static final List<String> SLOTS = List.of("M1", "M2", "M4", "S1", "S2", "S3");

    @Test
    void every_actor_gets_exactly_what_the_rules_allow() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (int i = 0; i < MATRIX.size(); i++) {
            Row row = MATRIX.get(i);
            String token = row.token().apply(w);
            check(failures, row.actor() + " reading the pupil's week", row.pupilWeek(),
                    request(token).get("/api/timetable/pupils/" + w.pupil(0) + "/week").statusCode());
            check(failures, row.actor() + " reading the class's week", row.classWeek(),
                    request(token).get("/api/timetable/classes/" + w.classA + "/week").statusCode());
            check(failures, row.actor() + " reading the teacher's week", row.teacherWeek(),
                    request(token).get("/api/timetable/teachers/" + w.teacherA + "/week").statusCode());
            check(failures, row.actor() + " reading the room's week", row.roomWeek(),
                    request(token).get("/api/timetable/rooms/" + w.room("B12") + "/week").statusCode());
            check(failures, row.actor() + " reading the calendar", row.calendar(),
                    request(token).get("/api/timetable/schools/" + w.school + "/calendar").statusCode());
            check(failures, row.actor() + " cancelling an occurrence", row.cancel(),
                    request(token).contentType("application/json").body(Map.of())
                            .post("/api/timetable/lessons/" + lesson + "/occurrences/" + tuesday.plusWeeks(i % 4) + "/cancel")
                            .statusCode());
            Map<String, Object> body = World.weekly("Arts", w.teacherB, w.classB, null, SLOTS.get(i % SLOTS.size()), "WEEKLY",
                    World.next(i < SLOTS.size() ? DayOfWeek.MONDAY : DayOfWeek.FRIDAY));
            check(failures, row.actor() + " planning a lesson", row.plan(),
                    request(token).contentType("application/json").body(body)
                            .post("/api/timetable/schools/" + w.school + "/lessons").statusCode());
            check(failures, row.actor() + " importing a timetable (dry run)", row.importDryRun(),
                    request(token).contentType("text/csv").body("slot;day;week;subject;teacher;classes;room\n")
                            .post("/api/timetable/schools/" + w.school + "/imports?dryRun=true").statusCode());
            // Cancelled first by the staff, so that the restore has something to undo.
            LocalDate day = tuesday.plusWeeks(4 + i % 4);
            request(w.cpeToken()).contentType("application/json").body(Map.of())
                    .post("/api/timetable/lessons/" + lesson + "/occurrences/" + day + "/cancel");
            check(failures, row.actor() + " restoring an occurrence", row.restore(),
                    request(token).post("/api/timetable/lessons/" + lesson + "/occurrences/" + day + "/restore").statusCode());
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void nobody_reads_another_schools_pupils_and_unknown_ones_look_the_same() {
        given().auth().oauth2(w.cpeToken()).get("/api/timetable/pupils/" + w.otherPupil + "/week").then().statusCode(404);
        given().auth().oauth2(w.cpeToken()).get("/api/timetable/pupils/" + UUID.randomUUID() + "/week").then().statusCode(404);
        given().auth().oauth2(w.cpeToken()).get("/api/timetable/classes/" + w.otherClass + "/week").then().statusCode(404);
        given().auth().oauth2(w.otherCpeToken()).get("/api/timetable/pupils/" + w.otherPupil + "/week").then().statusCode(200);
        given().auth().oauth2(w.otherCpeToken()).get("/api/timetable/lessons/" + lesson).then().statusCode(404);
        given().auth().oauth2(w.teacherBToken()).get("/api/timetable/lessons/" + lesson).then().statusCode(200);
    }

    static void check(Map<String, String> failures, String what, int want, int got) {
        if (got != want) {
            failures.put(what, "got " + got + ", want " + want);
        }
    }

    static RequestSpecification request(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }
}
