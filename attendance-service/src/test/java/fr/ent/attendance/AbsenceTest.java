package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static fr.ent.attendance.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AbsenceTest {


    @Inject
    DirectoryProjection projection;

    @Inject
    AgroalDataSource db;

    World w;
    String justifyingReason;
    String confidentialReason;
    String unjustifyingReason;

    @BeforeEach
    void seed() {
        w = World.create(projection, 3);
        justifyingReason = w.reason("MALADIE", "Maladie", true, false);
        confidentialReason = w.reason("SOCIAL", "Suivi social", true, true);
        unjustifyingReason = w.reason("CONVENANCE", "Convenance personnelle", false, false);
    }

    static Map<String, Object> entry(UUID pupil, String start, String end, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("pupilId", pupil);
        body.put("startsAt", start);
        if (end != null) {
            body.put("endsAt", end);
        }
        if (reason != null) {
            body.put("reasonId", reason);
        }
        return body;
    }

    /** A school day (Monday to Friday) of this month, the n-th from the start. */
    static LocalDate schoolDay(int n) {
        LocalDate d = World.thisMonth().atDay(1);
        int seen = -1;
        while (true) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && ++seen == n) {
                return d;
            }
            d = d.plusDays(1);
        }
    }

    @Test
    void staff_record_a_known_absence_ahead_of_time_and_an_overlapping_one_is_refused() {
        LocalDate next = World.today().plusDays(7);
        String id = as(w.cpeToken()).body(entry(w.pupil(0), next + "T08:00", next.plusDays(2) + "T18:00", justifyingReason))
                .post("/api/attendance/absences")
                .then().statusCode(201).body("status", equalTo("JUSTIFIED")).body("kind", equalTo("ABSENCE"))
                .extract().path("id");
        as(w.cpeToken()).body(entry(w.pupil(0), next.plusDays(1) + "T10:00", next.plusDays(1) + "T11:00", null))
                .post("/api/attendance/absences")
                .then().statusCode(409).body("type", equalTo("https://ent.example/problems/overlapping-absence"));
        var recorded = TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.absence-recorded.v1", 1).get(0);
        assertThat(recorded.data().get("absenceId").asText()).isEqualTo(id);
        assertThat(recorded.data().get("justified").asBoolean()).isTrue();
        assertThat(recorded.data().has("reasonCode")).as("no reason leaves attendance").isFalse();
        assertThat(Rows.count(db, "select count(*) from attendance_entry where pupil_id = ?", w.pupil(0))).isEqualTo(1);
    }

    @Test
    void a_confidential_reason_is_never_shown_to_families_nor_sent_in_an_event() {
        LocalDate today = World.today();
        as(w.cpeToken()).body(entry(w.pupil(1), today + "T08:00", today + "T10:00", confidentialReason))
                .post("/api/attendance/absences").then().statusCode(201);
        var event = TopicReader.await("ent.attendance", w.pupil(1), "fr.ent.attendance.absence-recorded.v1", 1).get(0);
        assertThat(event.data().has("reasonCode")).isFalse();
        assertThat(event.value()).doesNotContain("SOCIAL").doesNotContain("Suivi social");

        as(w.guardianToken(1)).get("/api/attendance/pupils/" + w.pupil(1) + "/record")
                .then().statusCode(200).body("entries", hasSize(1)).body("entries[0].status", equalTo("JUSTIFIED"))
                .body("entries[0].reason", nullValue()).body(not(containsString("Suivi social")));
        as(w.pupilToken(1)).get("/api/attendance/pupils/" + w.pupil(1) + "/record")
                .then().statusCode(200).body("entries[0].reason", nullValue());
        as(w.cpeToken()).get("/api/attendance/pupils/" + w.pupil(1) + "/record")
                .then().statusCode(200).body("entries[0].reason.code", equalTo("SOCIAL"))
                .body("entries[0].reason.confidential", equalTo(true));
        // nor offered to families
        as(w.guardianToken(1)).get("/api/attendance/schools/" + w.school + "/reasons")
                .then().statusCode(200).body("code", not(org.hamcrest.Matchers.hasItem("SOCIAL")));
    }

    @Test
    void four_unjustified_half_days_in_a_month_raise_the_alert_once() {
        UUID pupil = w.pupil(2);
        // half-days 1 and 2: a whole day; 3: a morning; then 4 and 5: another whole day
        as(w.cpeToken()).body(entry(pupil, schoolDay(0) + "T08:00", schoolDay(0) + "T17:00", null))
                .post("/api/attendance/absences").then().statusCode(201);
        as(w.cpeToken()).body(entry(pupil, schoolDay(1) + "T08:00", schoolDay(1) + "T10:00", unjustifyingReason))
                .post("/api/attendance/absences").then().statusCode(201);
        // a second absence in the same morning counts that half-day once
        as(w.cpeToken()).body(entry(pupil, schoolDay(1) + "T11:00", schoolDay(1) + "T12:00", null))
                .post("/api/attendance/absences").then().statusCode(201);
        as(w.cpeToken()).get("/api/attendance/pupils/" + pupil + "/record").then().statusCode(200)
                .body("unjustifiedHalfDays", equalTo(3)).body("alerts", hasSize(0));
        assertThat(Rows.count(db, "select count(*) from ent_outbox where record_key = ? and type like '%threshold%'", pupil.toString())).isZero();

        as(w.cpeToken()).body(entry(pupil, schoolDay(2) + "T08:00", schoolDay(2) + "T17:00", null))
                .post("/api/attendance/absences").then().statusCode(201);
        as(w.cpeToken()).body(entry(pupil, schoolDay(3) + "T14:00", schoolDay(3) + "T15:00", null))
                .post("/api/attendance/absences").then().statusCode(201);

        as(w.guardianToken(2)).get("/api/attendance/pupils/" + pupil + "/record").then().statusCode(200)
                .body("unjustifiedHalfDays", equalTo(6)).body("alerts", hasSize(1))
                .body("alerts[0].halfDays", equalTo(5));
        var alerts = TopicReader.await("ent.attendance", pupil, "fr.ent.attendance.absence-threshold-reached.v1", 1);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).data().get("month").asText()).isEqualTo(World.thisMonth().toString());
        assertThat(alerts.get(0).data().get("unjustifiedHalfDays").asInt()).isEqualTo(5);
        assertThat(Rows.count(db, "select count(*) from threshold_alert where pupil_id = ?", pupil)).isEqualTo(1);
        assertThat(Rows.count(db, "select count(*) from ent_outbox where record_key = ? and type like '%threshold%'", pupil.toString()))
                .as("raised once, not again at the 6th half-day").isEqualTo(1);
    }

    @Test
    void a_school_trip_marks_the_whole_class_absent_except_those_already_absent() {
        LocalDate day = World.today().plusDays(3);
        as(w.cpeToken()).body(entry(w.pupil(0), day + "T08:00", day + "T12:00", justifyingReason))
                .post("/api/attendance/absences").then().statusCode(201);
        String trip = w.reason("SORTIE", "Sortie scolaire", true, false);
        as(w.cpeToken()).body(Map.of("groupId", w.classA, "startsAt", day + "T08:00", "endsAt", day + "T18:00", "reasonId", trip))
                .post("/api/attendance/absences/collective")
                .then().statusCode(201).body("absences", hasSize(2)).body("alreadyAbsent", hasSize(1))
                .body("alreadyAbsent[0]", equalTo(w.pupil(0).toString()))
                .body("absences[0].status", equalTo("JUSTIFIED"));
        TopicReader.await("ent.attendance", w.pupil(1), "fr.ent.attendance.absence-recorded.v1", 1);
        as(w.teacherAToken()).body(Map.of("groupId", w.classA, "startsAt", day + "T08:00", "endsAt", day + "T18:00"))
                .post("/api/attendance/absences/collective").then().statusCode(403);
    }

    @Test
    void staff_cancel_an_absence_recorded_by_mistake_and_record_lateness_and_early_departure() {
        LocalDate today = World.today();
        String id = as(w.cpeToken()).body(entry(w.pupil(0), today + "T08:00", today + "T09:00", null))
                .post("/api/attendance/absences").then().statusCode(201).extract().path("id");
        as(w.cpeToken()).post("/api/attendance/entries/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(w.cpeToken()).post("/api/attendance/entries/" + id + "/cancel").then().statusCode(409);
        as(w.otherCpeToken()).post("/api/attendance/entries/" + id + "/cancel").then().statusCode(404);
        var cancelled = TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.absence-cancelled.v1", 1).get(0);
        assertThat(cancelled.data().get("absenceId").asText()).isEqualTo(id);
        assertThat(cancelled.subject()).isEqualTo(id);

        Map<String, Object> late = entry(w.pupil(0), today + "T08:00", null, null);
        late.put("lateMinutes", 12);
        as(w.cpeToken()).body(late).post("/api/attendance/latenesses").then().statusCode(201).body("lateMinutes", equalTo(12));
        as(w.cpeToken()).body(entry(w.pupil(0), today + "T15:00", null, null)).post("/api/attendance/early-departures")
                .then().statusCode(201).body("kind", equalTo("EARLY_DEPARTURE"));
        as(w.cpeToken()).get("/api/attendance/pupils/" + w.pupil(0) + "/record").then().statusCode(200)
                .body("entries", hasSize(2)).body("latenesses", equalTo(1)).body("earlyDepartures", equalTo(1));
        Map<String, Object> futureLate = entry(w.pupil(0), today.plusDays(2) + "T08:00", null, null);
        futureLate.put("lateMinutes", 5);
        as(w.cpeToken()).body(futureLate).post("/api/attendance/latenesses").then().statusCode(400)
                .body("type", equalTo("https://ent.example/problems/future-date"));
        as(w.cpeToken()).body(entry(UUID.randomUUID(), today + "T08:00", today + "T09:00", null))
                .post("/api/attendance/absences").then().statusCode(404);
    }

    @Test
    void the_cpe_sees_the_school_day_class_statistics_and_exports_csv() {
        LocalDate today = World.today();
        as(w.cpeToken()).body(entry(w.pupil(0), today + "T08:00", today + "T09:00", null)).post("/api/attendance/absences")
                .then().statusCode(201);
        as(w.cpeToken()).body(entry(w.pupilB, today + "T08:00", today + "T17:00", justifyingReason)).post("/api/attendance/absences")
                .then().statusCode(201);
        as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/day").then().statusCode(200)
                .body("counts.absences", equalTo(2)).body("counts.pupilsAbsent", equalTo(2))
                .body("counts.unjustified", equalTo(1)).body("entries", hasSize(2));
        as(w.otherCpeToken()).get("/api/attendance/schools/" + w.school + "/day").then().statusCode(404);

        as(w.teacherAToken()).get("/api/attendance/classes/" + w.classA + "/stats?month=" + World.thisMonth())
                .then().statusCode(200).body("pupils", equalTo(3)).body("absences", equalTo(1))
                .body("unjustifiedHalfDays", equalTo(1)).body("byPupil", hasSize(3));
        as(w.teacherBToken()).get("/api/attendance/classes/" + w.classA + "/stats").then().statusCode(404);

        String csv = as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/export?from=" + today + "&to=" + today)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("id;eleve_id;nom;prenom;type").contains("\"Bernard\";\"Zoé\";ABSENCE").contains("MALADIE");
        as(w.teacherAToken()).get("/api/attendance/schools/" + w.school + "/export?from=" + today + "&to=" + today)
                .then().statusCode(403);
    }
}
