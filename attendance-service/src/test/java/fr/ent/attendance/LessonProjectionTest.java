package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.events.EventContracts;
import fr.ent.events.EventJson;
import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.Topics;
import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.events.contract.timetable.LessonScheduled;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.attendance.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The lessons of timetable-service, learnt from ent.timetable (published with the kit's
 * TopicWriter): a teacher's roll calls of the day, registers tied to their occurrence, the
 * forgotten registers, redeliveries and older events changing nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class LessonProjectionTest {

    @Inject
    DirectoryProjection projection;

    @Inject
    AgroalDataSource db;

    @Inject
    PlatformClock platformClock;

    @Inject
    SchoolClock clock;

    World w;
    LocalDate today;
    UUID morning;
    UUID afternoon;
    UUID cancelled;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2);
        today = World.today();
        morning = UUID.randomUUID();
        afternoon = UUID.randomUUID();
        cancelled = UUID.randomUUID();
        schedule(morning, w.classA, w.teacherA, 1, "08:00", "08:55");
        schedule(afternoon, w.classA, w.teacherA, 1, "14:00", "14:55");
        schedule(cancelled, w.classA, w.teacherA, 1, "09:00", "09:55");
        change(cancelled, LessonChangeKind.CANCELLED, today, "09:00", w.teacherA, OffsetDateTime.now(ZoneOffset.UTC));
        awaitRow("select count(*) from lesson_occurrence where lesson_id = ? and cancelled", cancelled, 1);
        awaitRow("select count(*) from lesson_occurrence where lesson_id = ?", afternoon, 2);
        awaitRow("select count(*) from lesson_occurrence where lesson_id = ?", morning, 2);
    }

    @AfterEach
    void clockBack() {
        World.onASchoolDay();
    }

    String id(UUID lesson) {
        return lesson + "_" + today;
    }

    @Test
    void the_teachers_day_lists_their_lessons_cancelled_ones_needing_no_register() {
        as(w.teacherAToken()).get("/api/attendance/teachers/" + w.teacherA + "/lessons?date=" + today).then().statusCode(200)
                .body("occurrenceId", contains(id(morning), id(cancelled), id(afternoon)))
                .body("cancelled", contains(false, true, false))
                .body("needsRegister", contains(true, false, true))
                .body("registerTaken", contains(false, false, false))
                .body("[0].classIds", contains(w.classA.toString()))
                .body("[0].startsAt", equalTo("08:00:00"));
        // the default day is today
        as(w.teacherAToken()).get("/api/attendance/teachers/" + w.teacherA + "/lessons").then().statusCode(200)
                .body("", hasSize(3));
        as(w.cpeToken()).get("/api/attendance/teachers/" + w.teacherA + "/lessons?date=" + today).then().statusCode(200)
                .body("", hasSize(3));
        as(w.teacherBToken()).get("/api/attendance/teachers/" + w.teacherA + "/lessons?date=" + today).then().statusCode(404);
        as(w.otherCpeToken()).get("/api/attendance/teachers/" + w.teacherA + "/lessons?date=" + today).then().statusCode(404);
        as(w.teacherBToken()).get("/api/attendance/teachers/" + w.teacherB + "/lessons?date=" + today).then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void a_roll_call_tied_to_its_occurrence_counts_as_taken_and_a_wrong_occurrence_is_refused() {
        as(w.teacherAToken()).body(open(w.classA, "08:00", "08:55", id(morning))).post("/api/attendance/registers")
                .then().statusCode(201).body("occurrenceId", equalTo(id(morning)))
                .body("timetableLessonId", equalTo(morning.toString())).body("status", equalTo("SUBMITTED"));
        as(w.teacherAToken()).get("/api/attendance/teachers/" + w.teacherA + "/lessons?date=" + today).then()
                .body("registerTaken", contains(true, false, false))
                .body("[0].registers[0].status", equalTo("SUBMITTED"));

        as(w.teacherAToken()).body(open(w.classA, "14:00", "14:55", w.classA + "_" + today)).post("/api/attendance/registers")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        as(w.teacherBToken()).body(open(w.classB, "14:00", "14:55", id(afternoon))).post("/api/attendance/registers")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        as(w.teacherAToken()).body(open(w.classA, "09:00", "09:55", id(cancelled))).post("/api/attendance/registers")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("lesson-cancelled"));
        // without an occurrence, as before (a school without a timetable)
        as(w.teacherAToken()).body(open(w.classA, "11:00", "11:55", null)).post("/api/attendance/registers")
                .then().statusCode(201);
        assertThat(count("select count(*) from register where group_id = ? and occurrence_id is not null", w.classA)).isEqualTo(1);
    }

    @Test
    void forgotten_registers_are_the_ended_lessons_without_a_taken_roll_call() {
        String forgotten = "/api/attendance/schools/" + w.school + "/forgotten-registers?date=" + today;
        // 10:30: the morning lesson has ended, the afternoon's not yet; the cancelled one needs none.
        as(w.cpeToken()).get(forgotten).then().statusCode(200)
                .body("occurrenceId", contains(id(morning)))
                .body("[0].teacherIds", contains(w.teacherA.toString()))
                .body("[0].missingGroupIds", contains(w.classA.toString()));
        platformClock.set(today.atTime(15, 30).atZone(clock.zone()).toOffsetDateTime());
        as(w.cpeToken()).get(forgotten).then().body("occurrenceId", contains(id(morning), id(afternoon)));
        as(w.teacherAToken()).body(open(w.classA, "08:00", "08:55", id(morning))).post("/api/attendance/registers")
                .then().statusCode(201);
        as(w.cpeToken()).get(forgotten).then().body("occurrenceId", contains(id(afternoon)));

        as(w.teacherAToken()).get(forgotten).then().statusCode(403);
        as(w.otherCpeToken()).get(forgotten).then().statusCode(404);
    }

    @Test
    void a_redelivered_or_older_event_changes_nothing_and_a_later_plan_keeps_the_changes() {
        String occurrence = id(morning);
        // moved to 16:00 and given a substitute
        OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC);
        change(morning, LessonChangeKind.MOVED, today, "16:00", w.teacherA, t);
        change(morning, LessonChangeKind.SUBSTITUTE, today, "16:00", w.teacherB, t.plusSeconds(1));
        awaitRow("select count(*) from lesson_occurrence where lesson_id = ? and substituted and moved", morning, 1);

        // older ones: a plan of an earlier version, a change recorded before; then a marker to wait for
        UUID stalePlan = scheduleWithVersion(morning, 0, "07:00", "07:55");
        change(morning, LessonChangeKind.ROOM_CHANGED, today, "11:00", w.teacherA, t.minusSeconds(60));
        // the same plan event again (a redelivery): skipped by its id
        TopicWriter.publish(stalePlan, morning.toString(), plan(morning, 0, "07:00", "07:55"), w.school);
        change(morning, LessonChangeKind.ROOM_CHANGED, today.plusWeeks(1), "08:00", w.teacherA, t.plusSeconds(2));
        awaitRow("select count(*) from lesson_occurrence where lesson_id = ? and room_changed", morning, 1);

        Map<String, Object> row = row(occurrence);
        assertThat(row.get("starts_at")).isEqualTo(LocalTime.of(16, 0));
        assertThat(row.get("room_changed")).isEqualTo(false);
        assertThat(row.get("teachers")).isEqualTo(w.teacherB.toString());

        // a later plan (times of the slots changed) keeps what the changes overrode
        scheduleWithVersion(morning, 5, "08:30", "09:25");
        awaitRow("select count(*) from timetable_lesson where lesson_id = ? and version = 5", morning, 1);
        row = row(occurrence);
        assertThat(row.get("starts_at")).isEqualTo(LocalTime.of(16, 0));
        assertThat(row.get("teachers")).isEqualTo(w.teacherB.toString());
        assertThat(row(morning + "_" + today.plusWeeks(1)).get("starts_at")).isEqualTo(LocalTime.of(8, 30));

        // the substitute's day has it, the planned teacher's no longer
        as(w.teacherBToken()).get("/api/attendance/teachers/" + w.teacherB + "/lessons?date=" + today).then()
                .body("occurrenceId", contains(occurrence)).body("[0].substitute", equalTo(true));
        as(w.teacherAToken()).get("/api/attendance/teachers/" + w.teacherA + "/lessons?date=" + today).then()
                .body("occurrenceId", containsInAnyOrder(id(cancelled), id(afternoon)));
        // the substitute takes the roll call of the class they do not usually teach
        as(w.teacherBToken()).body(open(w.classA, "16:00", "16:55", occurrence)).post("/api/attendance/registers")
                .then().statusCode(201).body("occurrenceId", equalTo(occurrence));

        // a plan without the occurrence: it no longer takes place
        TopicWriter.publish(morning.toString(), new LessonScheduled(morning, w.school, "Mathématiques", List.of(w.classA),
                List.of(), List.of(w.teacherA), null, 9, List.of()), w.school);
        awaitRow("select count(*) from timetable_lesson where lesson_id = ? and version = 9", morning, 1);
        assertThat(count("select count(*) from lesson_occurrence where lesson_id = ?", morning)).isZero();
    }

    // --- helpers

    Map<String, Object> open(UUID group, String start, String end, String occurrenceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("groupId", group);
        body.put("subject", "Mathématiques");
        body.put("date", today.toString());
        body.put("startsAt", start);
        body.put("endsAt", end);
        if (occurrenceId != null) {
            body.put("occurrenceId", occurrenceId);
        }
        List<Map<String, Object>> marks = new ArrayList<>();
        for (UUID pupil : group.equals(w.classA) ? w.pupilsA : List.of(w.pupilB)) {
            marks.add(Map.of("pupilId", pupil, "status", "PRESENT"));
        }
        body.put("marks", marks);
        return body;
    }

    /** The lesson today and in a week, at those times, version {@code version}. */
    void schedule(UUID lesson, UUID classId, UUID teacher, long version, String start, String end) {
        TopicWriter.publish(lesson.toString(), new LessonScheduled(lesson, w.school, "Mathématiques", List.of(classId),
                List.of(), List.of(teacher), null, version, occurrences(lesson, start, end)), w.school);
    }

    LessonScheduled plan(UUID lesson, long version, String start, String end) {
        return new LessonScheduled(lesson, w.school, "Mathématiques", List.of(w.classA), List.of(), List.of(w.teacherA),
                null, version, occurrences(lesson, start, end));
    }

    UUID scheduleWithVersion(UUID lesson, long version, String start, String end) {
        return TopicWriter.publish(lesson.toString(), plan(lesson, version, start, end), w.school);
    }

    List<LessonScheduled.PlannedOccurrence> occurrences(UUID lesson, String start, String end) {
        return List.of(new LessonScheduled.PlannedOccurrence(lesson + "_" + today, today, LocalTime.parse(start), LocalTime.parse(end)),
                new LessonScheduled.PlannedOccurrence(lesson + "_" + today.plusWeeks(1), today.plusWeeks(1),
                        LocalTime.parse(start), LocalTime.parse(end)));
    }

    /** A LessonChanged of the lesson's occurrence planned that day, recorded at {@code at} (its ce_time). */
    void change(UUID lesson, LessonChangeKind kind, LocalDate planned, String start, UUID teacher, OffsetDateTime at) {
        LocalTime s = LocalTime.parse(start);
        LessonChanged payload = new LessonChanged(lesson + "_" + planned, lesson, w.school, kind, planned,
                kind == LessonChangeKind.MOVED || kind == LessonChangeKind.SUBSTITUTE ? LocalTime.of(8, 0) : s,
                planned, s, s.plusMinutes(55), "Mathématiques", List.of(w.classA), List.of(), List.of(teacher),
                List.of(w.teacherA), kind == LessonChangeKind.ROOM_CHANGED ? UUID.randomUUID() : null, null, null, null);
        IncomingEvent event = new IncomingEvent(UUID.randomUUID(), EventContracts.of(LessonChanged.class).type(),
                TopicWriter.SOURCE, payload.occurrenceId(), w.school, at, lesson.toString(), EventJson.MAPPER.valueToTree(payload));
        TopicWriter.send(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                List.of(TopicWriter.record(Topics.TIMETABLE, event)));
    }

    void awaitRow(String sql, UUID param, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(sql, param) == expected);
    }

    long count(String sql, UUID param) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> row(String occurrenceId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select starts_at, room_changed, array_to_string(teacher_ids, ',') as teachers from lesson_occurrence where occurrence_id = ?")) {
            ps.setString(1, occurrenceId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("occurrence %s", occurrenceId).isTrue();
                return Map.of("starts_at", rs.getObject("starts_at", LocalTime.class), "room_changed", rs.getBoolean("room_changed"),
                        "teachers", rs.getString("teachers"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
