package fr.ent.attendance;

import fr.ent.testservers.TestTokens;
import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.attendance.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The audit trail (libs/audit) as attendance writes it: each read of a pupil's record, of
 * justifications and attachments, each export and each change is one entry with who, the action,
 * the request id of the call and ids only; the school's staff read it, another school's do not.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AuditTrailTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DirectoryProjection projection;

    @Inject
    AgroalDataSource dataSource;

    World w;
    LocalDate today;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2);
        today = World.today();
    }

    /** One entry of the trail, as stored. */
    record Row(UUID schoolId, UUID pupilId, UUID actor, String roles, String action, UUID target, String requestId,
               String all) {
    }

    @Test
    void a_read_by_staff_by_a_parent_and_by_a_teacher_is_each_recorded_once_with_its_request_id() {
        call(w.cpeToken(), "staff-read").get(record(0)).then().statusCode(200);
        call(w.guardianToken(0), "parent-read").get(record(0)).then().statusCode(200);
        call(w.teacherAToken(), "teacher-read").get(record(0)).then().statusCode(200);
        // refused reads read nothing: not recorded
        call(w.guardianToken(1), "refused-read").get(record(0)).then().statusCode(404);

        assertThat(rows("staff-read")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("attendance.record.read");
            assertThat(r.schoolId()).isEqualTo(w.school);
            assertThat(r.pupilId()).isEqualTo(w.pupil(0));
            assertThat(r.actor()).isEqualTo(w.cpe);
            assertThat(r.roles()).isEqualTo("staff");
        });
        assertThat(rows("parent-read")).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo(w.guardian(0));
            assertThat(r.roles()).isEqualTo("parent");
            assertThat(r.pupilId()).isEqualTo(w.pupil(0));
        });
        assertThat(rows("teacher-read")).singleElement().satisfies(r -> assertThat(r.actor()).isEqualTo(w.teacherA));
        assertThat(rows("refused-read")).isEmpty();
    }

    @Test
    void a_change_is_recorded_once_in_its_transaction_with_ids_never_the_data() {
        String absence = call(w.cpeToken(), "change-record")
                .body(Map.of("pupilId", w.pupil(0), "startsAt", today + "T08:00", "endsAt", today + "T12:00",
                        "comment", "Rendez-vous chez l'orthophoniste"))
                .post("/api/attendance/absences").then().statusCode(201).extract().path("id");
        // a refused change (overlap) leaves no entry: it rolled back
        call(w.cpeToken(), "change-refused")
                .body(Map.of("pupilId", w.pupil(0), "startsAt", today + "T09:00", "endsAt", today + "T10:00"))
                .post("/api/attendance/absences").then().statusCode(409);
        call(w.cpeToken(), "change-cancel").post("/api/attendance/entries/" + absence + "/cancel").then().statusCode(200);

        assertThat(rows("change-record")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("attendance.absence.recorded");
            assertThat(r.target()).isEqualTo(UUID.fromString(absence));
            assertThat(r.pupilId()).isEqualTo(w.pupil(0));
            assertThat(r.actor()).isEqualTo(w.cpe);
            assertThat(r.all()).doesNotContain("orthophoniste").doesNotContain("Élève0").doesNotContain("08:00");
        });
        assertThat(rows("change-refused")).isEmpty();
        assertThat(rows("change-cancel")).singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("attendance.absence.cancelled"));
    }

    @Test
    void justifications_their_attachments_and_exports_are_recorded() {
        String illness = w.reason("MALADIE", "Maladie", true, false);
        String absence = as(w.cpeToken())
                .body(Map.of("pupilId", w.pupil(0), "startsAt", today + "T08:00", "endsAt", today + "T12:00"))
                .post("/api/attendance/absences").then().statusCode(201).extract().path("id");
        as(w.cpeToken()).body(Map.of("pupilId", w.pupil(1), "startsAt", today + "T08:00", "endsAt", today + "T09:00"))
                .post("/api/attendance/absences").then().statusCode(201);
        String justification = call(w.guardianToken(0), "justify")
                .body(Map.of("reasonId", illness, "comment", "Fièvre",
                        "attachmentId", Uploads.upload(w.guardianToken(0), absence, "certificat.pdf", PDF, "application/pdf")))
                .post("/api/attendance/entries/" + absence + "/justifications").then().statusCode(201).extract().path("id");
        call(w.cpeToken(), "list").get("/api/attendance/schools/" + w.school + "/justifications").then().statusCode(200);
        call(w.cpeToken(), "attachment").get("/api/attendance/justifications/" + justification + "/attachment")
                .then().statusCode(200);
        call(w.cpeToken(), "accept").post("/api/attendance/justifications/" + justification + "/accept")
                .then().statusCode(200);
        call(w.cpeToken(), "export").accept("text/csv").queryParam("from", today.toString()).queryParam("to", today.toString())
                .get("/api/attendance/schools/" + w.school + "/export").then().statusCode(200);

        UUID j = UUID.fromString(justification);
        assertThat(rows("justify")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("attendance.justification.submitted");
            assertThat(r.target()).isEqualTo(j);
            assertThat(r.actor()).isEqualTo(w.guardian(0));
            assertThat(r.all()).doesNotContain("Fièvre").doesNotContain("certificat");
        });
        assertThat(rows("list")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("attendance.justifications.read");
            assertThat(r.pupilId()).isEqualTo(w.pupil(0));
        });
        assertThat(rows("attachment")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("attendance.justification.attachment.read");
            assertThat(r.target()).isEqualTo(j);
        });
        // accepting justifies the absence: one decision, one entry
        assertThat(rows("accept")).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("attendance.justification.accepted");
            assertThat(r.target()).isEqualTo(j);
        });
        // an export is one entry per pupil in it, so that each pupil's trail shows it
        assertThat(rows("export")).extracting(Row::pupilId).containsExactlyInAnyOrder(w.pupil(0), w.pupil(1));
        assertThat(rows("export")).extracting(Row::action).containsOnly("attendance.export");
    }

    @Test
    void the_schools_head_reads_the_trail_by_pupil_and_period_and_the_other_schools_head_sees_none_of_it() {
        call(w.guardianToken(0), "trail-read").get(record(0)).then().statusCode(200);
        call(w.cpeToken(), "trail-change")
                .body(Map.of("pupilId", w.pupil(0), "startsAt", today + "T08:00", "endsAt", today + "T12:00"))
                .post("/api/attendance/absences").then().statusCode(201);
        call(w.cpeToken(), "trail-other-pupil").get(record(1)).then().statusCode(200);
        String trail = "/api/attendance/schools/" + w.school + "/audit";

        as(w.cpeToken()).queryParam("pupilId", w.pupil(0).toString()).queryParam("from", today.toString())
                .queryParam("to", today.toString()).get(trail).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].requestId", equalTo("trail-change-" + w.school))
                .body("items[0].action", equalTo("attendance.absence.recorded"))
                .body("items[1].requestId", equalTo("trail-read-" + w.school))
                .body("items[1].actorPersonId", equalTo(w.guardian(0).toString()));
        as(w.cpeToken()).queryParam("pupilId", w.pupil(0).toString()).queryParam("from", today.plusDays(1).toString())
                .get(trail).then().statusCode(200).body("total", equalTo(0));
        as(w.cpeToken()).queryParam("size", 1).queryParam("page", 2).get(trail).then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(1));

        as(w.otherCpeToken()).get(trail).then().statusCode(404);
        as(w.otherCpeToken()).get("/api/attendance/schools/" + w.otherSchool + "/audit").then().statusCode(200)
                .body("total", equalTo(0));
        as(w.teacherAToken()).get(trail).then().statusCode(403);
        as(w.guardianToken(0)).get(trail).then().statusCode(403);
        as(TestTokens.platformAdmin()).get(trail).then().statusCode(200);
        as(TestTokens.platformAdmin()).get("/api/attendance/schools/" + UUID.randomUUID() + "/audit").then().statusCode(404);
    }

    RequestSpecification call(String token, String requestId) {
        return as(token).header("X-Request-Id", requestId + "-" + w.school);
    }

    String record(int pupil) {
        return "/api/attendance/pupils/" + w.pupil(pupil) + "/record";
    }

    /** The entries written by the calls that carried this request id. */
    List<Row> rows(String requestId) {
        String id = requestId + "-" + w.school;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select school_id, pupil_id, actor_person_id, array_to_string(actor_roles, ','), action, target_id,
                            request_id, e::text from ent_audit_entry e where request_id = ? order by occurred_at""")) {
            s.setString(1, id);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
