package fr.ent.identity;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.identity.Api.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The audit trail (libs/audit) as identity writes it: reads of a pupil, of their guardians and of a
 * guardian's children, and changes of guardianships, each one entry with who, the action, the request
 * id and ids only; the school's staff read it, another school's do not.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;

    final String run = UUID.randomUUID().toString();
    UUID schoolA;
    UUID schoolB;
    UUID staffA;
    UUID staffB;
    UUID teacherA;
    UUID pupil;
    UUID parent;
    UUID otherParent;

    /** School A: a CPE, a teacher of 4A, a pupil of 4A and their parent, another parent; school B: its CPE. */
    @BeforeEach
    void seed() {
        // not in field initialisers: RestAssured points at the test instance only once it is built
        schoolA = Api.school("Collège A (audit)");
        schoolB = Api.school("Collège B (audit)");
        UUID class4A = Api.classGroup(schoolA, "CLASS", "4A");
        staffA = Api.person("STAFF", "Sophie", "Cpe", "cpe.audit.a@example.org", schoolA);
        staffB = Api.person("STAFF", "Bruno", "Cpe", "cpe.audit.b@example.org", schoolB);
        teacherA = Api.person("TEACHER", "Anne", "Prof", "prof.audit.a@example.org", schoolA);
        pupil = Api.person("PUPIL", "Pierrette", "Secrète", null, schoolA);
        parent = Api.person("PARENT", "Marie", "Secrète", "marie.secrete@example.org", schoolA);
        otherParent = Api.person("PARENT", "Jean", "Secret", "jean.secret@example.org", schoolA);
        Api.assignment(teacherA, class4A, Api.subject(schoolA, "MATHS"));
        Api.enrol(pupil, class4A, List.of(), Api.today().minusDays(20));
        Api.guardianship(parent, pupil);
    }

    record Row(UUID schoolId, UUID pupilId, UUID actor, String action, UUID target, String all) {
    }

    @Test
    void reads_of_a_pupil_by_staff_a_parent_and_a_teacher_are_each_recorded_once_with_the_request_id() {
        call(TestTokens.staff(staffA, schoolA), "staff-person").get(BASE + "/people/" + pupil).then().statusCode(200);
        call(TestTokens.parent(parent, schoolA), "parent-person").get(BASE + "/people/" + pupil).then().statusCode(200);
        call(TestTokens.teacher(teacherA, schoolA), "teacher-person").get(BASE + "/people/" + pupil).then().statusCode(200);
        call(TestTokens.staff(staffA, schoolA), "staff-guardians").get(BASE + "/people/" + pupil + "/guardians")
                .then().statusCode(200);
        call(TestTokens.parent(parent, schoolA), "parent-children").get(BASE + "/people/" + parent + "/children")
                .then().statusCode(200);
        // reading an adult is not a read of a pupil's data
        call(TestTokens.staff(staffA, schoolA), "staff-teacher").get(BASE + "/people/" + teacherA).then().statusCode(200);
        // refused: nothing read, nothing recorded
        call(TestTokens.staff(staffB, schoolB), "refused").get(BASE + "/people/" + pupil).then().statusCode(404);

        assertThat(rows("staff-person")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("identity.person.read");
            assertThat(r.schoolId()).isEqualTo(schoolA);
            assertThat(r.pupilId()).isEqualTo(pupil);
            assertThat(r.actor()).isEqualTo(staffA);
            assertThat(r.all()).doesNotContain("Pierrette").doesNotContain("Secrète");
        });
        assertThat(rows("parent-person")).singleElement().satisfies(r -> assertThat(r.actor()).isEqualTo(parent));
        assertThat(rows("teacher-person")).singleElement().satisfies(r -> assertThat(r.actor()).isEqualTo(teacherA));
        assertThat(rows("staff-guardians")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("identity.guardians.read");
            assertThat(r.pupilId()).isEqualTo(pupil);
            assertThat(r.all()).doesNotContain("marie.secrete");
        });
        assertThat(rows("parent-children")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("identity.children.read");
            assertThat(r.pupilId()).isEqualTo(pupil);
            assertThat(r.target()).isEqualTo(parent);
        });
        assertThat(rows("staff-teacher")).isEmpty();
        assertThat(rows("refused")).isEmpty();
    }

    @Test
    void changes_of_a_guardianship_are_recorded_once_each_in_their_transaction() {
        String staff = TestTokens.staff(staffA, schoolA);
        String id = call(staff, "link").body(Map.of("guardianId", otherParent, "pupilId", pupil))
                .post(BASE + "/guardianships").then().statusCode(201).extract().path("id");
        // refused (already linked): rolled back, no entry
        call(staff, "link-again").body(Map.of("guardianId", otherParent, "pupilId", pupil))
                .post(BASE + "/guardianships").then().statusCode(409);
        call(staff, "change").body(Map.of("receivesCommunications", false))
                .patch(BASE + "/guardianships/" + id).then().statusCode(200);
        call(staff, "end").delete(BASE + "/guardianships/" + id).then().statusCode(204);

        UUID guardianship = UUID.fromString(id);
        assertThat(rows("link")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("identity.guardianship.created");
            assertThat(r.target()).isEqualTo(guardianship);
            assertThat(r.pupilId()).isEqualTo(pupil);
            assertThat(r.schoolId()).isEqualTo(schoolA);
            assertThat(r.actor()).isEqualTo(staffA);
        });
        assertThat(rows("link-again")).isEmpty();
        assertThat(rows("change")).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("identity.guardianship.changed"));
        assertThat(rows("end")).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("identity.guardianship.ended"));
    }

    @Test
    void the_schools_head_reads_the_trail_and_the_other_schools_head_sees_none_of_it() {
        call(TestTokens.parent(parent, schoolA), "trail-read").get(BASE + "/people/" + pupil).then().statusCode(200);
        String trail = BASE + "/schools/" + schoolA + "/audit";

        Api.as(TestTokens.staff(staffA, schoolA)).queryParam("pupilId", pupil.toString())
                .queryParam("from", Api.today().toString()).queryParam("to", Api.today().toString())
                .get(trail).then().statusCode(200)
                .body("items.find { it.requestId == '" + requestId("trail-read") + "' }.actorPersonId",
                        equalTo(parent.toString()))
                .body("items.findAll { it.requestId == '" + requestId("trail-read") + "' }.size()", equalTo(1));

        Api.as(TestTokens.staff(staffB, schoolB)).get(trail).then().statusCode(404);
        Api.as(TestTokens.staff(staffB, schoolB)).queryParam("pupilId", pupil.toString())
                .get(BASE + "/schools/" + schoolB + "/audit").then().statusCode(200).body("total", equalTo(0));
        Api.as(TestTokens.teacher(teacherA, schoolA)).get(trail).then().statusCode(403);
        Api.as(TestTokens.platformAdmin()).get(trail).then().statusCode(200);
        Api.as(TestTokens.platformAdmin()).get(BASE + "/schools/" + UUID.randomUUID() + "/audit").then().statusCode(404);
    }

    String requestId(String name) {
        return name + "-" + run;
    }

    RequestSpecification call(String token, String name) {
        return Api.as(token).header("X-Request-Id", requestId(name));
    }

    /** The entries written by the calls that carried this request id. */
    List<Row> rows(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select school_id, pupil_id, actor_person_id, action, target_id, "
                     + "e::text from ent_audit_entry e where request_id = ? order by occurred_at")) {
            s.setString(1, requestId(name));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
