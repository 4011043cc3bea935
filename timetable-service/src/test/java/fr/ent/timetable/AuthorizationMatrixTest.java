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

    /** A teacher's absence: declared by the teacher only, listed and confirmed by their school's staff only. */
    record AbsenceRow(String actor, Function<World, String> token, int declare, int mine, int withdraw, int list,
                      int confirm, int record) {
    }

    static final List<AbsenceRow> ABSENCES = List.of(
            new AbsenceRow("the absent teacher", World::teacherAToken, 201, 200, 204, 403, 403, 403),
            new AbsenceRow("a colleague", World::teacherBToken, 201, 200, 404, 403, 403, 403),
            new AbsenceRow("a teacher of another school", World::otherTeacherToken, 201, 200, 404, 403, 403, 403),
            new AbsenceRow("the pupil", x -> x.pupilToken(0), 403, 403, 403, 403, 403, 403),
            new AbsenceRow("a guardian", x -> x.guardianToken(0), 403, 403, 403, 403, 403, 403),
            new AbsenceRow("staff of the school", World::cpeToken, 403, 403, 403, 200, 200, 201),
            new AbsenceRow("staff of another school", World::otherCpeToken, 403, 403, 403, 404, 404, 404),
            new AbsenceRow("staff claiming the school in a forged claim", x -> TestTokens.staff(x.otherCpe, x.otherSchool),
                    403, 403, 403, 404, 404, 404),
            new AbsenceRow("the school's integration", x -> TestTokens.integration("sis", x.school), 403, 403, 403, 403, 403, 403),
            new AbsenceRow("platform admin", x -> TestTokens.platformAdmin(), 403, 403, 403, 200, 200, 201),
            new AbsenceRow("no token", x -> null, 401, 401, 401, 401, 401, 401));

    @Test
    void teachers_absences_each_actor_gets_exactly_what_the_rules_allow() {
        Map<String, String> failures = new LinkedHashMap<>();
        LocalDate day = World.next(DayOfWeek.WEDNESDAY);
        for (int i = 0; i < ABSENCES.size(); i++) {
            AbsenceRow row = ABSENCES.get(i);
            String token = row.token().apply(w);
            // each row its own hour of that Wednesday, declared by the teacher of the class
            Map<String, Object> period = Map.of("from", day.atTime(8, 0).plusMinutes(30L * i).toString(),
                    "to", day.atTime(8, 0).plusMinutes(30L * i + 20).toString());
            String toConfirm = given().auth().oauth2(w.teacherAToken()).contentType("application/json").body(period)
                    .post("/api/timetable/absences").then().statusCode(201).extract().path("[0].id");
            String toWithdraw = given().auth().oauth2(w.teacherAToken()).contentType("application/json").body(period)
                    .post("/api/timetable/absences").then().statusCode(201).extract().path("[0].id");
            check(failures, row.actor() + " declaring an absence", row.declare(),
                    request(token).contentType("application/json").body(period).post("/api/timetable/absences").statusCode());
            check(failures, row.actor() + " listing their absences", row.mine(),
                    request(token).get("/api/timetable/absences/mine").statusCode());
            check(failures, row.actor() + " withdrawing the teacher's absence", row.withdraw(),
                    request(token).delete("/api/timetable/absences/" + toWithdraw).statusCode());
            check(failures, row.actor() + " listing the school's absences", row.list(),
                    request(token).get("/api/timetable/schools/" + w.school + "/absences").statusCode());
            check(failures, row.actor() + " confirming the teacher's absence", row.confirm(),
                    request(token).contentType("application/json").body(Map.of())
                            .post("/api/timetable/absences/" + toConfirm + "/confirm").statusCode());
            Map<String, Object> recorded = new java.util.HashMap<>(period);
            recorded.put("teacherId", w.teacherB);
            check(failures, row.actor() + " recording an absence", row.record(),
                    request(token).contentType("application/json").body(recorded)
                            .post("/api/timetable/schools/" + w.school + "/absences").statusCode());
        }
        assertThat(failures).isEmpty();
    }

    /** The private feed (each person their own; no service, no admin without a person) and the video-class link. */
    record FeedRow(String actor, Function<World, String> token, int feed, int remoteLink) {
    }

    static final List<FeedRow> FEED_MATRIX = List.of(
            new FeedRow("the teacher of the lesson", World::teacherAToken, 200, 200),
            new FeedRow("a colleague who does not teach it", World::teacherBToken, 200, 404),
            new FeedRow("a teacher of another school", World::otherTeacherToken, 200, 404),
            new FeedRow("the pupil", x -> x.pupilToken(0), 200, 403),
            new FeedRow("a guardian", x -> x.guardianToken(0), 200, 403),
            new FeedRow("staff of the school", World::cpeToken, 200, 200),
            new FeedRow("staff of another school", World::otherCpeToken, 200, 404),
            new FeedRow("the school's integration", x -> TestTokens.integration("sis", x.school), 403, 403),
            new FeedRow("platform admin, who has no person record", x -> TestTokens.platformAdmin(), 403, 200),
            new FeedRow("no token", x -> null, 401, 401),
            new FeedRow("expired token", x -> TestTokens.expired(x.cpe, x.school, "staff"), 401, 401));

    @Test
    void each_person_has_their_own_feed_and_only_the_lessons_teachers_and_staff_set_its_link() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (FeedRow row : FEED_MATRIX) {
            String token = row.token().apply(w);
            check(failures, row.actor() + " creating their feed", row.feed(), request(token).post("/api/timetable/me/feed").statusCode());
            check(failures, row.actor() + " reading their feed's state", row.feed(), request(token).get("/api/timetable/me/feed").statusCode());
            check(failures, row.actor() + " revoking their feed", row.feed() == 200 ? 204 : row.feed(),
                    request(token).delete("/api/timetable/me/feed").statusCode());
            check(failures, row.actor() + " setting the video-class link", row.remoteLink(),
                    request(token).contentType("application/json").body(Map.of("url", "https://visio.example/b/abc"))
                            .put("/api/timetable/lessons/" + lesson + "/occurrences/" + tuesday + "/remote-link").statusCode());
        }
        // the feed itself needs no token: an unknown one is a 404, like a revoked one
        check(failures, "anyone reading an unknown feed", 404,
                given().get("/api/timetable/feeds/" + "A".repeat(43) + ".ics").statusCode());
        assertThat(failures).isEmpty();
    }

    /** A school's timetable changes: its staff (and the admin) only; another school's staff get the 404 of an unknown one. */
    record ChangesRow(String actor, Function<World, String> token, int status) {
    }

    static final List<ChangesRow> CHANGES = List.of(
            new ChangesRow("the teacher of the class", World::teacherAToken, 403),
            new ChangesRow("a teacher of another school", World::otherTeacherToken, 403),
            new ChangesRow("the pupil", x -> x.pupilToken(0), 403),
            new ChangesRow("a guardian of the pupil", x -> x.guardianToken(0), 403),
            new ChangesRow("staff of the school", World::cpeToken, 200),
            new ChangesRow("staff of another school", World::otherCpeToken, 404),
            new ChangesRow("staff claiming the school in a forged claim", x -> TestTokens.staff(x.otherCpe, x.otherSchool), 404),
            new ChangesRow("the school's integration", x -> TestTokens.integration("sis", x.school), 403),
            new ChangesRow("platform admin", x -> TestTokens.platformAdmin(), 200),
            new ChangesRow("no token", x -> null, 401),
            new ChangesRow("expired token", x -> TestTokens.expired(x.cpe, x.school, "staff"), 401));

    @Test
    void a_schools_changes_are_read_by_its_staff_only_and_list_only_what_changed() {
        request(w.cpeToken()).contentType("application/json").body(Map.of())
                .post("/api/timetable/lessons/" + lesson + "/occurrences/" + tuesday + "/cancel").then().statusCode(200);
        String week = "?from=" + tuesday.minusDays(1) + "&to=" + tuesday.plusDays(5);
        Map<String, String> failures = new LinkedHashMap<>();
        for (ChangesRow row : CHANGES) {
            check(failures, row.actor() + " reading the school's changes", row.status(),
                    request(row.token().apply(w)).get("/api/timetable/schools/" + w.school + "/changes" + week).statusCode());
        }
        assertThat(failures).isEmpty();

        var changes = request(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/changes" + week)
                .then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("occurrences.date")).containsExactly(tuesday.toString());
        assertThat(changes.getList("occurrences.state")).containsExactly("CANCELLED");
        assertThat(changes.getMap("classNames")).containsKey(w.classA.toString());
        // the week after: the lesson takes place as planned, so nothing is listed
        request(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/changes?from=" + tuesday.plusWeeks(1)
                + "&to=" + tuesday.plusWeeks(1).plusDays(6)).then().statusCode(200)
                .body("occurrences.size()", org.hamcrest.Matchers.is(0));
        // bad spans are a 400 naming the field; an unknown school looks like another's
        request(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/changes?from=" + tuesday + "&to=" + tuesday.minusDays(1))
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.endsWith("to"));
        request(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/changes?from=" + tuesday + "&to=" + tuesday.plusDays(31))
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.endsWith("to"));
        request(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/changes?from=mardi").then().statusCode(400);
        request(w.cpeToken()).get("/api/timetable/schools/" + UUID.randomUUID() + "/changes").then().statusCode(404);
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
