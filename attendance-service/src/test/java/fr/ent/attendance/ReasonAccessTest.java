package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static fr.ent.attendance.World.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may list a school's reasons of absence, in one table: the people of that school (staff,
 * teachers, pupils, guardians of its pupils) and admin; anyone else gets a 404, a guardian of
 * another school's pupils first of all.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class ReasonAccessTest {

    @Inject
    DirectoryProjection projection;

    World w;
    /** A guardian of the other school's pupil only. */
    UUID otherGuardian;
    /** A guardian with a child in each school. */
    UUID guardianOfBoth;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2);
        otherGuardian = UUID.randomUUID();
        guardianOfBoth = UUID.randomUUID();
        UUID pupilHere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> List.of(
                DirectoryEvents.parent(otherGuardian, "Omar", "Parent", w.otherSchool),
                DirectoryEvents.guardianship(otherGuardian, w.otherPupil, true),
                DirectoryEvents.pupil(pupilHere, w.school, "Yanis", "Haddad"),
                DirectoryEvents.parent(guardianOfBoth, "Nadia", "Haddad", w.school, w.otherSchool),
                DirectoryEvents.guardianship(guardianOfBoth, pupilHere, true),
                DirectoryEvents.guardianship(guardianOfBoth, w.otherPupil, true)
        ).forEach(e -> projection.apply(DirectoryEvents.event(e))));
        for (var school : Map.of(w.school, w.cpeToken(), w.otherSchool, w.otherCpeToken()).entrySet()) {
            as(school.getValue()).body(Map.of("code", "MALADIE", "label", "Maladie", "justifying", true, "confidential", false))
                    .post("/api/attendance/schools/" + school.getKey() + "/reasons").then().statusCode(201);
        }
    }

    record Row(String actor, Function<ReasonAccessTest, String> token, int thisSchool, int otherSchool) {
    }

    static final List<Row> MATRIX = List.of(
            new Row("admin", t -> TestTokens.admin(UUID.randomUUID()), 200, 200),
            new Row("staff of the school", t -> t.w.cpeToken(), 200, 404),
            new Row("staff of the other school", t -> t.w.otherCpeToken(), 404, 200),
            new Row("teacher of the school", t -> t.w.teacherAToken(), 200, 404),
            new Row("pupil of the school", t -> t.w.pupilToken(0), 200, 404),
            new Row("guardian of a pupil of the school", t -> t.w.guardianToken(0), 200, 404),
            new Row("guardian of a pupil of the other school", t -> TestTokens.parent(t.otherGuardian, t.w.otherSchool), 404, 200),
            new Row("guardian of a pupil in each school", t -> TestTokens.person(t.guardianOfBoth).roles("parent")
                    .schools(t.w.school, t.w.otherSchool).sign(), 200, 200),
            new Row("guardian whose token claims a school where no child of theirs is",
                    t -> TestTokens.person(t.w.guardian(0)).roles("parent").schools(t.w.school, t.w.otherSchool).sign(), 200, 404),
            new Row("guardian of no pupil at all", t -> TestTokens.parent(UUID.randomUUID(), t.w.school), 404, 404),
            new Row("no token", t -> null, 401, 401));

    @Test
    void only_the_people_of_a_school_read_its_reasons_and_a_guardian_of_another_school_gets_404() {
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            String token = row.token().apply(this);
            int here = status(token, w.school);
            int there = status(token, w.otherSchool);
            if (here != row.thisSchool() || there != row.otherSchool()) {
                wrong.add(row.actor() + ": expected " + row.thisSchool() + "/" + row.otherSchool() + ", got " + here + "/" + there);
            }
        }
        assertThat(wrong).as("answers that break the rules (this school / the other school)").isEmpty();
    }

    @Test
    void a_guardian_lists_the_reasons_of_their_childs_school() {
        as(w.guardianToken(0)).get("/api/attendance/schools/" + w.school + "/reasons").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.contains("MALADIE"));
    }

    private static int status(String token, UUID school) {
        var spec = token == null ? io.restassured.RestAssured.given() : as(token);
        return spec.get("/api/attendance/schools/" + school + "/reasons").statusCode();
    }
}
