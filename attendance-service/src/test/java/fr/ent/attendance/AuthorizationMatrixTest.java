package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, both ways, in one table: each actor against reading pupil 0's record and taking
 * the roll call of class 4A. Not-yours is 404; a role that never may is 403; no or bad token 401.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AuthorizationMatrixTest {

    @Inject
    DirectoryProjection projection;

    World w;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2);
    }

    record Row(String actor, Function<World, String> token, int readRecord, int rollCall, int teacherLessons,
               int forgottenRegisters) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("teacher of the class", World::teacherAToken, 200, 201, 200, 403),
            new Row("teacher of another class", World::teacherBToken, 404, 404, 404, 403),
            new Row("guardian of the pupil", x -> x.guardianToken(0), 200, 403, 403, 403),
            new Row("guardian of another pupil", x -> x.guardianToken(1), 404, 403, 403, 403),
            new Row("the pupil", x -> x.pupilToken(0), 200, 403, 403, 403),
            new Row("another pupil", x -> x.pupilToken(1), 404, 403, 403, 403),
            new Row("staff of the school", World::cpeToken, 200, 201, 200, 200),
            new Row("staff of another school", World::otherCpeToken, 404, 404, 404, 404),
            new Row("platform admin, who has no person record", x -> TestTokens.platformAdmin(), 200, 201, 200, 200),
            new Row("staff claiming the school in a forged claim", x -> TestTokens.staff(x.otherCpe, x.otherSchool), 404, 404, 404, 404),
            new Row("no token", x -> null, 401, 401, 401, 401),
            new Row("expired token", x -> TestTokens.expired(x.cpe, x.school, "staff"), 401, 401, 401, 401),
            new Row("token signed with another key", x -> TestTokens.person(x.cpe).roles("staff").schools(x.school)
                    .signedWithForeignKey().sign(), 401, 401, 401, 401));

    @Test
    void every_actor_gets_exactly_what_the_rules_allow() {
        LocalDate today = World.today();
        Map<String, String> failures = new LinkedHashMap<>();
        int lesson = 0;
        for (Row row : MATRIX) {
            String token = row.token().apply(w);
            int read = request(token).get("/api/attendance/pupils/" + w.pupil(0) + "/record").statusCode();
            if (read != row.readRecord()) {
                failures.put(row.actor() + " reading the record", "got " + read + ", want " + row.readRecord());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("groupId", w.classA);
            body.put("subject", "Maths");
            body.put("date", today.toString());
            body.put("startsAt", String.format("%02d:00", 7 + lesson));
            body.put("endsAt", String.format("%02d:30", 7 + lesson));
            lesson++;
            List<Map<String, Object>> marks = new ArrayList<>();
            w.pupilsA.forEach(p -> marks.add(Map.of("pupilId", p, "status", "PRESENT")));
            body.put("marks", marks);
            int roll = request(token).contentType("application/json").body(body).post("/api/attendance/registers").statusCode();
            if (roll != row.rollCall()) {
                failures.put(row.actor() + " taking the roll call", "got " + roll + ", want " + row.rollCall());
            }
            int lessons = request(token).get("/api/attendance/teachers/" + w.teacherA + "/lessons?date=" + today).statusCode();
            if (lessons != row.teacherLessons()) {
                failures.put(row.actor() + " reading the teacher's lessons", "got " + lessons + ", want " + row.teacherLessons());
            }
            int forgotten = request(token).get("/api/attendance/schools/" + w.school + "/forgotten-registers?date=" + today)
                    .statusCode();
            if (forgotten != row.forgottenRegisters()) {
                failures.put(row.actor() + " reading the forgotten registers", "got " + forgotten + ", want "
                        + row.forgottenRegisters());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void nobody_reads_a_pupil_of_another_school_and_unknown_pupils_look_the_same() {
        given().auth().oauth2(w.cpeToken()).get("/api/attendance/pupils/" + w.otherPupil + "/record").then().statusCode(404);
        given().auth().oauth2(w.cpeToken()).get("/api/attendance/pupils/" + UUID.randomUUID() + "/record").then().statusCode(404);
        given().auth().oauth2(w.otherCpeToken()).get("/api/attendance/pupils/" + w.otherPupil + "/record").then().statusCode(200);
    }

    static io.restassured.specification.RequestSpecification request(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }
}
