package fr.ent.audit;

import fr.ent.audit.testapp.TestDatabase;
import fr.ent.testservers.TestTokens;
import fr.ent.web.clock.SchoolClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class AuditTrailTest {

    @Inject
    AuditTrail audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SchoolClock clock;

    final UUID school = UUID.randomUUID();
    final UUID otherSchool = UUID.randomUUID();
    final UUID pupil = UUID.randomUUID();
    final UUID staff = UUID.randomUUID();

    @Test
    void a_read_by_staff_is_recorded_once_with_who_when_and_the_request_id_never_the_data() {
        given().auth().oauth2(TestTokens.staff(staff, school)).header("X-Request-Id", "req-read-1")
                .get(notes()).then().statusCode(200).body(equalTo("Fièvre"));

        List<Map<String, Object>> rows = rows(pupil);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row).containsEntry("school_id", school).containsEntry("pupil_id", pupil)
                .containsEntry("actor_person_id", staff).containsEntry("action", "test.pupil.read")
                .containsEntry("request_id", "req-read-1").containsEntry("actor_roles", "staff");
        assertThat(row.get("actor_client")).isNull();
        assertThat(row.get("target_id")).isNull();
        // the platform's clock (ent.clock.start in tests), not the system's
        assertThat(((OffsetDateTime) row.get("occurred_at")).toInstant())
                .isBetween(clock.instant().minusSeconds(30), clock.instant());
        assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("Fièvre"));
    }

    @Test
    void a_service_account_is_recorded_by_its_client_id_and_a_request_without_id_by_none() {
        given().auth().oauth2(TestTokens.service("sis-connector")).get(notes()).then().statusCode(200);
        given().auth().oauth2(TestTokens.service("sis-connector")).header("X-Request-Id", "bad id with spaces")
                .get(notes()).then().statusCode(200);

        List<Map<String, Object>> rows = rows(pupil);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("actor_person_id")).isNull();
            assertThat(row).containsEntry("actor_client", "sis-connector").containsEntry("actor_roles", "service");
            assertThat(row.get("request_id")).isNull();
        });
    }

    @Test
    void a_change_is_recorded_in_its_transaction_and_vanishes_with_it() {
        given().auth().oauth2(TestTokens.staff(staff, school)).header("X-Request-Id", "req-change-1")
                .post(notes()).then().statusCode(200);
        given().auth().oauth2(TestTokens.staff(staff, school)).header("X-Request-Id", "req-change-2")
                .queryParam("fail", true).post(notes()).then().statusCode(500);

        List<Map<String, Object>> rows = rows(pupil);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("action", "test.note.changed").containsEntry("request_id", "req-change-1")
                .containsEntry("target_id", pupil);
    }

    @Test
    void a_change_outside_a_transaction_is_refused_with_the_fix() {
        assertThatThrownBy(() -> audit.changed(school, pupil, "test.note.changed", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an active transaction").hasMessageContaining("@Transactional");
        assertThat(rows(pupil)).isEmpty();
    }

    @Test
    void an_action_that_is_not_a_stable_code_is_refused() {
        assertThatThrownBy(() -> audit.read(school, pupil, "Read pupil " + pupil))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attendance.record.read");
    }

    @Test
    void outside_a_request_a_read_gets_its_own_transaction_and_names_nobody() {
        audit.read(school, pupil, "test.pupil.read");                    // no transaction, no request
        QuarkusTransaction.requiringNew().run(() -> audit.read(school, pupil, "test.pupil.read", pupil));
        assertThat(rows(pupil)).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("actor_person_id")).isNull();
            assertThat(row.get("actor_client")).isNull();
            assertThat(row.get("request_id")).isNull();
        });
    }

    @Test
    void a_read_of_many_pupils_is_one_entry_per_pupil() {
        UUID other = UUID.randomUUID();
        audit.readAll(school, "test.export", List.of(pupil, other, pupil));
        assertThat(rows(pupil)).hasSize(1);
        assertThat(rows(other)).hasSize(1);
    }

    @Test
    void the_schools_staff_read_its_trail_by_pupil_and_period_and_nobody_else_does() {
        UUID another = UUID.randomUUID();
        audit.read(school, pupil, "test.pupil.read");
        audit.read(school, pupil, "test.pupil.read");
        audit.read(school, another, "test.pupil.read");
        audit.read(otherSchool, pupil, "test.pupil.read");
        LocalDate today = clock.today();
        String path = "/api/test/schools/" + school + "/audit";

        given().auth().oauth2(TestTokens.staff(staff, school)).queryParam("pupilId", pupil)
                .queryParam("from", today.toString()).queryParam("to", today.toString()).queryParam("size", 1)
                .get(path).then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(1)).body("size", equalTo(1))
                .body("items[0].pupilId", equalTo(pupil.toString())).body("items[0].action", equalTo("test.pupil.read"));
        given().auth().oauth2(TestTokens.staff(staff, school)).queryParam("pupilId", pupil).queryParam("size", 1)
                .queryParam("page", 1).get(path).then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(TestTokens.staff(staff, school)).get(path).then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(TestTokens.staff(staff, school)).queryParam("from", today.plusDays(1).toString())
                .get(path).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).get(path).then().statusCode(200).body("total", equalTo(3));

        given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), otherSchool)).get(path).then().statusCode(404)
                .body("type", equalTo("https://ent.example/problems/not-found"));
        given().auth().oauth2(TestTokens.teacher(UUID.randomUUID(), school)).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.parent(UUID.randomUUID(), school)).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.staff(staff, school)).queryParam("from", today.toString())
                .queryParam("to", today.minusDays(1).toString()).get(path).then().statusCode(400)
                .body("type", equalTo("https://ent.example/problems/period-inverted"));
        given().auth().oauth2(TestTokens.staff(staff, school)).queryParam("size", 0).get(path).then().statusCode(400);
    }

    String notes() {
        return "/api/test/schools/" + school + "/pupils/" + pupil;
    }

    List<Map<String, Object>> rows(UUID pupilId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select * from ent_audit_entry where pupil_id = ? order by occurred_at")) {
            s.setObject(1, pupilId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(meta.getColumnName(i), v instanceof java.sql.Array a ? String.join(",", (String[]) a.getArray())
                                : meta.getColumnTypeName(i).equals("timestamptz") ? rs.getObject(i, OffsetDateTime.class) : v);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
