package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.attendance.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class RollCallTest {


    @Inject
    DirectoryProjection projection;

    @Inject
    AgroalDataSource db;

    World w;

    @BeforeEach
    void seed() {
        w = World.create(projection, 5);
    }

    Map<String, Object> lesson(UUID group, LocalDate date, String start, String end, List<Map<String, Object>> marks) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", group);
        body.put("subject", "Mathématiques");
        body.put("date", date.toString());
        body.put("startsAt", start);
        body.put("endsAt", end);
        if (marks != null) {
            // an early departure 40 minutes into the lesson, whatever the lesson
            String leftAt = java.time.LocalTime.parse(start).plusMinutes(40).toString();
            body.put("marks", marks.stream().map(m -> {
                Map<String, Object> copy = new HashMap<>(m);
                if (copy.containsKey("leftAt")) {
                    copy.put("leftAt", leftAt);
                }
                return copy;
            }).toList());
        }
        return body;
    }

    static Map<String, Object> mark(UUID pupil, String status) {
        Map<String, Object> m = new HashMap<>();
        m.put("pupilId", pupil);
        m.put("status", status);
        return m;
    }

    /** 0 absent, 1 late 10 min, 2 left at 08:40, the others present. */
    List<Map<String, Object>> typicalMarks() {
        List<Map<String, Object>> marks = new ArrayList<>();
        for (int i = 0; i < w.pupilsA.size(); i++) {
            marks.add(mark(w.pupil(i), "PRESENT"));
        }
        marks.set(0, mark(w.pupil(0), "ABSENT"));
        Map<String, Object> late = mark(w.pupil(1), "LATE");
        late.put("lateMinutes", 10);
        marks.set(1, late);
        Map<String, Object> left = mark(w.pupil(2), "LEFT_EARLY");
        left.put("leftAt", "08:40");
        marks.set(2, left);
        return marks;
    }

    @Test
    void a_teacher_takes_the_roll_call_of_the_whole_class_in_one_request_and_events_reach_kafka() {
        Response r = as(w.teacherAToken()).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body(lesson(w.classA, World.today(), "08:00", "09:00", typicalMarks()))
                .post("/api/attendance/registers");
        r.then().statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("schoolId", equalTo(w.school.toString()))
                .body("pupils", hasSize(5))
                .body("counts.present", equalTo(2))
                .body("counts.absent", equalTo(1))
                .body("counts.late", equalTo(1))
                .body("counts.leftEarly", equalTo(1));
        assertThat(Rows.count(db, "select count(*) from mark where register_id = ?", UUID.fromString(r.path("id")))).isEqualTo(5);

        var absence = TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.absence-recorded.v1", 1).get(0);
        assertThat(absence.key()).isEqualTo(w.pupil(0).toString());
        assertThat(absence.schoolId()).isEqualTo(w.school.toString());
        assertThat(absence.data().get("pupilId").asText()).isEqualTo(w.pupil(0).toString());
        assertThat(absence.data().get("classId").asText()).isEqualTo(w.classA.toString());
        assertThat(absence.data().get("justified").asBoolean()).isFalse();
        assertThat(absence.data().get("start").asText()).startsWith(World.today().toString());

        var late = TopicReader.await("ent.attendance", w.pupil(1), "fr.ent.attendance.lateness-recorded.v1", 1).get(0);
        assertThat(late.data().get("minutes").asInt()).isEqualTo(10);
        var left = TopicReader.await("ent.attendance", w.pupil(2), "fr.ent.attendance.early-departure-recorded.v1", 1).get(0);
        assertThat(left.data().get("leftAt").asText()).isNotBlank();
        assertThat(TopicReader.read("ent.attendance", w.pupil(3))).as("a present pupil makes no event").isEmpty();
    }

    @Test
    void a_submission_sent_twice_with_the_same_key_returns_the_first_result_and_changes_nothing() {
        String key = "retry-" + UUID.randomUUID();
        Response first = as(w.teacherAToken()).header("Idempotency-Key", key)
                .body(lesson(w.classA, World.today(), "09:00", "10:00", typicalMarks())).post("/api/attendance/registers");
        first.then().statusCode(201);
        long outboxBefore = Rows.count(db, "select count(*) from ent_outbox where record_key = ?", w.pupil(0).toString());

        Response again = as(w.teacherAToken()).header("Idempotency-Key", key)
                .body(lesson(w.classA, World.today(), "09:00", "10:00", typicalMarks())).post("/api/attendance/registers");
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        UUID register = UUID.fromString(first.path("id"));
        assertThat(Rows.count(db, "select count(*) from mark where register_id = ?", register)).isEqualTo(5);
        assertThat(Rows.count(db, "select count(*) from attendance_entry where register_id = ?", register)).isEqualTo(3);
        assertThat(Rows.count(db, "select count(*) from ent_outbox where record_key = ?", w.pupil(0).toString())).isEqualTo(outboxBefore);

        // The same key for a different request is a client bug, not a replay.
        as(w.teacherAToken()).header("Idempotency-Key", key)
                .body(lesson(w.classA, World.today(), "10:00", "11:00", typicalMarks())).post("/api/attendance/registers")
                .then().statusCode(409).body("type", equalTo("https://ent.example/problems/idempotency-key-reused"));
        // A second roll call of the same lesson under a new key: refused, the first stands.
        as(w.teacherAToken()).header("Idempotency-Key", "other-" + UUID.randomUUID())
                .body(lesson(w.classA, World.today(), "09:00", "10:00", typicalMarks())).post("/api/attendance/registers")
                .then().statusCode(409).body("type", equalTo("https://ent.example/problems/register-already-taken"));
        assertThat(Rows.count(db, "select count(*) from mark where register_id = ?", register)).isEqualTo(5);
    }

    @Test
    void opening_then_submitting_works_in_two_steps_and_the_open_register_lists_the_class() {
        Response opened = as(w.teacherAToken()).body(lesson(w.latin, World.today(), "14:00", "15:00", null))
                .post("/api/attendance/registers");
        opened.then().statusCode(201).body("status", equalTo("OPEN")).body("pupils", hasSize(2))
                .body("pupils[0].lastName", org.hamcrest.Matchers.startsWith("Nom"));
        String id = opened.path("id");
        // opening again finds the same register
        as(w.teacherAToken()).body(lesson(w.latin, World.today(), "14:00", "15:00", null)).post("/api/attendance/registers")
                .then().statusCode(200).body("id", equalTo(id));
        as(w.teacherAToken()).body(Map.of("marks", List.of(mark(w.pupil(0), "PRESENT"), mark(w.pupil(1), "ABSENT"))))
                .put("/api/attendance/registers/" + id + "/marks")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("counts.absent", equalTo(1));
    }

    @Test
    void a_changed_mark_keeps_its_history_and_cancels_the_absence_it_replaced() {
        Response r = as(w.teacherAToken()).body(lesson(w.classA, World.today(), "10:00", "11:00", typicalMarks()))
                .post("/api/attendance/registers");
        String id = r.path("id");
        as(w.teacherAToken()).body(Map.of("status", "LATE", "lateMinutes", 5))
                .patch("/api/attendance/registers/" + id + "/marks/" + w.pupil(0))
                .then().statusCode(200).body("counts.absent", equalTo(0)).body("counts.late", equalTo(2));
        as(w.teacherAToken()).get("/api/attendance/registers/" + id + "/marks/" + w.pupil(0) + "/history")
                .then().statusCode(200).body("", hasSize(1)).body("[0].status", equalTo("ABSENT"))
                .body("[0].replacedBy", equalTo(w.teacherA.toString()));
        as(w.teacherAToken()).get("/api/attendance/registers/" + id + "/marks/" + w.pupil(1) + "/history")
                .then().statusCode(200).body("", hasSize(0));
        as(w.teacherAToken()).get("/api/attendance/registers/" + id + "/marks/" + UUID.randomUUID() + "/history")
                .then().statusCode(404);
        var cancelled = TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.absence-cancelled.v1", 1);
        assertThat(cancelled).hasSize(1);
        TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.lateness-recorded.v1", 1);
        as(w.cpeToken()).get("/api/attendance/pupils/" + w.pupil(0) + "/record")
                .then().statusCode(200).body("entries", hasSize(1)).body("entries[0].kind", equalTo("LATENESS"))
                .body("unjustifiedHalfDays", equalTo(0));
    }

    @Test
    void a_subject_the_database_cannot_store_or_a_date_out_of_range_is_a_400_naming_the_field_and_writes_nothing() {
        String[][] cases = {
                {"subject", "Maths\\u0000"},          // NUL: PostgreSQL refuses it (was a 500)
                {"subject", "Maths\\ud800"},          // lone surrogate: was stored as "?"
                {"date", "+999999999-12-31"},         // Java's extremes overflow the database (was a 500)
                {"date", "-999999999-01-01"},
        };
        for (String[] c : cases) {
            Map<String, Object> body = lesson(w.classA, LocalDate.of(2026, 11, 16), "11:00", "12:00", typicalMarks());
            body.put(c[0], "@@value@@");
            String json;
            try {
                json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body).replace("@@value@@", c[1]);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            as(w.teacherAToken()).header("Idempotency-Key", "bad-" + UUID.randomUUID()).body(json)
                    .post("/api/attendance/registers")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ent.example/problems/validation-failed"))
                    .body("errors[0].field", equalTo(c[0]));
        }
        assertThat(Rows.count(db, "select count(*) from register where group_id = ?", w.classA)).isZero();
        assertThat(Rows.count(db, "select count(*) from attendance_entry where pupil_id = ?", w.pupil(0))).isZero();
    }

    @Test
    void bad_roll_calls_are_4xx_problems_and_write_nothing() {
        List<Map<String, Object>> withStranger = typicalMarks();
        withStranger.set(4, mark(w.pupilB, "PRESENT"));
        as(w.teacherAToken()).body(lesson(w.classA, World.today(), "11:00", "12:00", withStranger)).post("/api/attendance/registers")
                .then().statusCode(400).body("type", equalTo("https://ent.example/problems/pupil-not-in-class"));

        List<Map<String, Object>> withUnknown = typicalMarks();
        withUnknown.set(4, mark(UUID.randomUUID(), "PRESENT"));
        as(w.teacherAToken()).body(lesson(w.classA, World.today(), "11:00", "12:00", withUnknown)).post("/api/attendance/registers")
                .then().statusCode(400).body("type", equalTo("https://ent.example/problems/unknown-pupil"));

        as(w.teacherAToken()).body(lesson(w.classA, World.today(), "11:00", "12:00", typicalMarks().subList(0, 4)))
                .post("/api/attendance/registers")
                .then().statusCode(400).body("type", equalTo("https://ent.example/problems/incomplete-roll-call"));

        as(w.teacherAToken()).body(lesson(w.classA, World.today().plusDays(1), "11:00", "12:00", typicalMarks()))
                .post("/api/attendance/registers")
                .then().statusCode(400).body("type", equalTo("https://ent.example/problems/future-date"));

        List<Map<String, Object>> lateWithoutMinutes = typicalMarks();
        lateWithoutMinutes.set(4, mark(w.pupil(4), "LATE"));
        as(w.teacherAToken()).body(lesson(w.classA, World.today(), "11:00", "12:00", lateWithoutMinutes)).post("/api/attendance/registers")
                .then().statusCode(400).body("errors[0].field", equalTo("marks[4].lateMinutes"));

        as(w.teacherAToken()).body(lesson(w.classA, World.today(), "11:00", "10:00", typicalMarks())).post("/api/attendance/registers")
                .then().statusCode(400).body("errors[0].field", equalTo("endsAt"));

        assertThat(Rows.count(db, "select count(*) from register where group_id = ?", w.classA)).isZero();
        assertThat(Rows.count(db, "select count(*) from attendance_entry where pupil_id = ?", w.pupil(0))).isZero();
        assertThat(Rows.count(db, "select count(*) from ent_outbox where record_key = ?", w.pupil(0).toString())).isZero();
    }

    @Test
    void staff_validate_and_reopen_a_register_and_a_validated_register_cannot_change() {
        String id = as(w.teacherAToken()).body(lesson(w.classA, World.today(), "13:00", "14:00", typicalMarks()))
                .post("/api/attendance/registers").path("id");
        as(w.teacherAToken()).post("/api/attendance/registers/" + id + "/validate").then().statusCode(403);
        as(w.cpeToken()).post("/api/attendance/registers/" + id + "/validate")
                .then().statusCode(200).body("status", equalTo("VALIDATED")).body("pupils[0].lastName", org.hamcrest.Matchers.notNullValue());
        as(w.teacherAToken()).body(Map.of("status", "PRESENT")).patch("/api/attendance/registers/" + id + "/marks/" + w.pupil(0))
                .then().statusCode(409).body("type", equalTo("https://ent.example/problems/register-validated"));
        as(w.cpeToken()).post("/api/attendance/registers/" + id + "/reopen").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(w.teacherAToken()).body(Map.of("status", "PRESENT")).patch("/api/attendance/registers/" + id + "/marks/" + w.pupil(0))
                .then().statusCode(200).body("counts.absent", equalTo(0));
    }

    @Test
    void staff_see_the_registers_opened_today_and_not_taken() {
        String forgotten = as(w.teacherAToken()).body(lesson(w.classA, World.today(), "15:00", "16:00", null))
                .post("/api/attendance/registers").path("id");
        as(w.teacherAToken()).body(lesson(w.classA, World.today(), "16:00", "17:00", typicalMarks())).post("/api/attendance/registers")
                .then().statusCode(201);
        as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/registers/forgotten")
                .then().statusCode(200).body("", hasSize(1)).body("[0].id", equalTo(forgotten));
        as(w.otherCpeToken()).get("/api/attendance/schools/" + w.school + "/registers/forgotten").then().statusCode(404);
        as(w.cpeToken()).get("/api/attendance/classes/" + w.classA + "/day")
                .then().statusCode(200).body("", hasSize(2)).body("[1].counts.absent", equalTo(1));
        as(w.teacherBToken()).get("/api/attendance/classes/" + w.classA + "/day").then().statusCode(404);
    }
}
