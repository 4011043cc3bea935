package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.timetable.week.Weeks;
import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.timetable.World.as;
import static fr.ent.timetable.World.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/** Staff change occurrences; only future ones, never into a clash; each change announced on ent.timetable. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class ChangeTest {

    static final String TOPIC = "ent.timetable";
    static final String CHANGED = "fr.ent.timetable.lesson-changed.v1";

    @Inject
    DirectoryProjection projection;

    @Inject
    PlatformClock platformClock;

    @Inject
    SchoolClock clock;

    World w;
    LocalDate tuesday;
    UUID maths;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2).withCalendar();
        tuesday = World.next(DayOfWeek.TUESDAY);
        maths = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
    }

    String occurrence(LocalDate day) {
        return "/api/timetable/lessons/" + maths + "/occurrences/" + day;
    }

    String pupilWeek(LocalDate day) {
        return "/api/timetable/pupils/" + w.pupil(0) + "/week?week=" + Weeks.label(day);
    }

    @Test
    void staff_cancel_one_occurrence_families_see_it_and_the_event_carries_the_facts() {
        as(w.cpeToken()).body(Map.of()).post(occurrence(tuesday) + "/cancel").then().statusCode(200)
                .body("state", contains("CANCELLED"));
        as(w.guardianToken(0)).get(pupilWeek(tuesday)).then()
                .body("occurrences[0].state", equalTo("CANCELLED"))
                .body("occurrences[0].changes", contains("CANCELLED"));
        as(w.guardianToken(0)).get(pupilWeek(tuesday.plusWeeks(1))).then().body("occurrences[0].state", equalTo("PLANNED"));

        var events = TopicReader.await(TOPIC, maths, "fr.ent.timetable.lesson-changed.v1", 1);
        assertThat(events).hasSize(1);
        var e = events.get(0);
        assertThat(e.subject()).isEqualTo(maths + "_" + tuesday);
        assertThat(e.schoolId()).isEqualTo(w.school.toString());
        assertThat(e.data().path("kind").asText()).isEqualTo("CANCELLED");
        assertThat(e.data().path("occurrenceId").asText()).isEqualTo(maths + "_" + tuesday);
        assertThat(e.data().path("date").asText()).isEqualTo(tuesday.toString());
        assertThat(e.data().path("startsAt").asText()).isEqualTo("10:05:00");
        assertThat(e.data().path("subject").asText()).isEqualTo("Mathématiques");
        assertThat(e.data().path("classIds").get(0).asText()).isEqualTo(w.classA.toString());
        assertThat(e.data().path("teacherIds").get(0).asText()).isEqualTo(w.teacherA.toString());
    }

    @Test
    void a_series_moved_from_a_date_moves_every_later_occurrence_and_keeps_their_ids() {
        LocalDate from = tuesday.plusWeeks(1);
        List<String> moved = as(w.cpeToken()).body(Map.of("scope", "FOLLOWING", "dayOfWeek", "THURSDAY", "slot", "S1"))
                .post(occurrence(from) + "/move").then().statusCode(200)
                .body("state", everyItem(equalTo("MOVED")))
                .extract().path("id");
        assertThat(moved).hasSizeGreaterThan(1).first().isEqualTo(maths + "_" + from);
        as(w.pupilToken(0)).get(pupilWeek(tuesday)).then().body("occurrences[0].state", equalTo("PLANNED"));
        as(w.pupilToken(0)).get(pupilWeek(from)).then()
                .body("occurrences", hasSize(1))
                .body("occurrences[0].id", equalTo(maths + "_" + from))
                .body("occurrences[0].date", equalTo(from.plusDays(2).toString()))
                .body("occurrences[0].startsAt", equalTo("13:30:00"))
                .body("occurrences[0].planned.date", equalTo(from.toString()))
                .body("occurrences[0].planned.slot", equalTo("M3"));
        var events = TopicReader.await(TOPIC, maths, "fr.ent.timetable.lesson-changed.v1", moved.size());
        assertThat(events).hasSize(moved.size()).allSatisfy(e -> assertThat(e.data().path("kind").asText()).isEqualTo("MOVED"));
    }

    @Test
    void a_double_lesson_moved_to_another_slot_keeps_its_length_and_its_event_carries_the_real_end() {
        // 4B's EPS, S1–S2 (13:30–15:25)
        Map<String, Object> body = weekly("EPS", w.teacherB, w.classB, null, "S1", "WEEKLY", tuesday);
        body.put("endSlot", "S2");
        UUID eps = w.plan(body);
        String occurrence = "/api/timetable/lessons/" + eps + "/occurrences/" + tuesday;
        LocalDate thursday = World.next(DayOfWeek.THURSDAY);
        as(w.cpeToken()).body(Map.of("date", thursday.toString(), "slot", "M1")).post(occurrence + "/move").then()
                .statusCode(200)
                .body("[0].state", equalTo("MOVED"))
                .body("[0].date", equalTo(thursday.toString()))
                .body("[0].slot", equalTo("M1"))
                .body("[0].endSlot", equalTo("M2"))
                .body("[0].startsAt", equalTo("08:00:00"))
                .body("[0].endsAt", equalTo("09:55:00"))
                .body("[0].planned.slot", equalTo("S1"))
                .body("[0].planned.endSlot", equalTo("S2"))
                .body("[0].planned.endsAt", equalTo("15:25:00"));
        var events = TopicReader.await(TOPIC, eps, CHANGED, 1);
        assertThat(events.get(0).data().path("kind").asText()).isEqualTo("MOVED");
        assertThat(events.get(0).data().path("startsAt").asText()).isEqualTo("08:00:00");
        assertThat(events.get(0).data().path("endsAt").asText()).isEqualTo("09:55:00");

        // the series from next week, to M3: M3–M4 each week
        LocalDate next = tuesday.plusWeeks(1);
        List<String> ends = as(w.cpeToken()).body(Map.of("scope", "FOLLOWING", "slot", "M3"))
                .post("/api/timetable/lessons/" + eps + "/occurrences/" + next + "/move").then().statusCode(200)
                .body("endSlot", everyItem(equalTo("M4")))
                .extract().path("endsAt");
        assertThat(ends).hasSizeGreaterThan(1).containsOnly("12:00:00");

        // an explicit last slot; and moved where its length does not fit, a 400 naming the slot
        LocalDate later = tuesday.plusWeeks(2);
        String laterOccurrence = "/api/timetable/lessons/" + eps + "/occurrences/" + later;
        as(w.cpeToken()).body(Map.of("slot", "S1", "endSlot", "S3")).post(laterOccurrence + "/move").then().statusCode(200)
                .body("[0].endSlot", equalTo("S3")).body("[0].startsAt", equalTo("13:30:00")).body("[0].endsAt", equalTo("16:30:00"));
        as(w.cpeToken()).body(Map.of("slot", "S3")).post(laterOccurrence + "/move").then().statusCode(400)
                .body("errors[0].field", equalTo("slot"))
                .body("detail", containsString("3 créneaux"));
        as(w.cpeToken()).body(Map.of("slot", "S2", "endSlot", "S1")).post(laterOccurrence + "/move").then().statusCode(400)
                .body("errors[0].field", equalTo("endSlot"));
        as(w.cpeToken()).get(laterOccurrence).then().body("startsAt", equalTo("13:30:00")).body("endsAt", equalTo("16:30:00"));
    }

    @Test
    void a_double_lesson_moved_onto_a_lesson_in_its_second_slot_is_refused_and_nothing_is_written() {
        Map<String, Object> body = weekly("EPS", w.teacherB, w.classA, null, "M1", "WEEKLY", tuesday);
        body.put("endSlot", "M2");
        UUID eps = w.plan(body);
        // maths is on M3: EPS moved to M2 would run M2–M3
        as(w.cpeToken()).body(Map.of("slot", "M2")).post("/api/timetable/lessons/" + eps + "/occurrences/" + tuesday + "/move")
                .then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/class-conflict"))
                .body("detail", containsString("Mathématiques, séance " + maths + "_" + tuesday));
        as(w.cpeToken()).get("/api/timetable/lessons/" + eps + "/occurrences/" + tuesday).then()
                .body("state", equalTo("PLANNED")).body("endsAt", equalTo("09:55:00"));
        assertThat(TopicReader.read(TOPIC, eps)).filteredOn(e -> CHANGED.equals(e.type())).isEmpty();
    }

    @Test
    void another_room_and_a_substitute_show_in_the_rooms_and_teachers_weeks() {
        as(w.cpeToken()).body(Map.of("roomId", w.room("Labo"))).post(occurrence(tuesday) + "/room").then().statusCode(200)
                .body("[0].state", equalTo("ROOM_CHANGED"));
        as(w.cpeToken()).body(Map.of("teacherId", w.teacherB)).post(occurrence(tuesday) + "/substitute").then().statusCode(200)
                .body("[0].state", equalTo("SUBSTITUTE"))
                .body("[0].changes", contains("SUBSTITUTE", "ROOM_CHANGED"))
                .body("[0].teacherIds", contains(w.teacherB.toString()))
                .body("[0].planned.teacherIds", contains(w.teacherA.toString()));
        String week = "/week?week=" + Weeks.label(tuesday);
        as(w.teacherBToken()).get("/api/timetable/teachers/" + w.teacherB + week).then()
                .body("occurrences.id", contains(maths + "_" + tuesday));
        as(w.teacherAToken()).get("/api/timetable/teachers/" + w.teacherA + week).then()
                .body("occurrences[0].state", equalTo("SUBSTITUTE"));
        as(w.cpeToken()).get("/api/timetable/rooms/" + w.room("Labo") + week).then()
                .body("occurrences.id", contains(maths + "_" + tuesday));
        var events = TopicReader.await(TOPIC, maths, "fr.ent.timetable.lesson-changed.v1", 2);
        assertThat(events).extracting(e -> e.data().path("kind").asText()).containsExactly("ROOM_CHANGED", "SUBSTITUTE");
        assertThat(events.get(0).data().path("previousRoomId").asText()).isEqualTo(w.room("B12").toString());
        assertThat(events.get(0).data().path("roomName").asText()).isEqualTo("Labo");
        assertThat(events.get(1).data().path("previousTeacherIds").get(0).asText()).isEqualTo(w.teacherA.toString());
    }

    @Test
    void a_change_that_would_clash_is_refused_naming_the_conflict_and_nothing_is_written() {
        w.plan(weekly("Histoire", w.teacherB, w.classB, w.room("Labo"), "M3", "WEEKLY", tuesday));
        as(w.cpeToken()).body(Map.of("roomId", w.room("Labo"))).post(occurrence(tuesday) + "/room").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/room-conflict"))
                .body("detail", containsString("Labo"));
        as(w.cpeToken()).body(Map.of("teacherId", w.teacherB, "scope", "FOLLOWING")).post(occurrence(tuesday) + "/substitute")
                .then().statusCode(409).body("type", equalTo("https://ent.example/problems/teacher-conflict"))
                .body("detail", containsString("Bruno Petit"));
        as(w.cpeToken()).get(pupilWeek(tuesday)).then().body("occurrences[0].state", equalTo("PLANNED"));
        assertThat(TopicReader.read(TOPIC, maths)).filteredOn(e -> CHANGED.equals(e.type())).isEmpty();
    }

    @Test
    void the_past_does_not_change() {
        LocalDate today = World.today();
        Map<String, Object> body = new HashMap<>(weekly("Musique", w.teacherA, w.classA, null, "S3", "WEEKLY", today));
        // today at 10:30: the morning slots are past, S3 (15:35) is to come
        body.put("slot", "M1");
        as(w.cpeToken()).body(body).post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/occurrence-in-the-past"));
        body.put("slot", "S3");
        UUID music = w.plan(body);
        platformClock.set(today.atTime(16, 0).atZone(clock.zone()).toOffsetDateTime());
        as(w.cpeToken()).body(Map.of()).post("/api/timetable/lessons/" + music + "/occurrences/" + today + "/cancel")
                .then().statusCode(409).body("type", equalTo("https://ent.example/problems/occurrence-in-the-past"));
        // and nothing moves into the past
        as(w.cpeToken()).body(Map.of("date", today.toString(), "slot", "M1"))
                .post("/api/timetable/lessons/" + music + "/occurrences/" + today.plusWeeks(1) + "/move")
                .then().statusCode(409).body("type", equalTo("https://ent.example/problems/occurrence-in-the-past"));
        assertThat(TopicReader.read(TOPIC, music)).filteredOn(e -> CHANGED.equals(e.type())).isEmpty();
    }

    @Test
    void an_exceptional_lesson_is_added_and_announced() {
        Map<String, Object> body = new HashMap<>(weekly("Soutien", w.teacherA, w.classA, w.room("Labo"), "S3", "ONCE", tuesday));
        body.remove("dayOfWeek");
        body.remove("startsOn");
        body.put("date", tuesday.toString());
        String id = as(w.cpeToken()).body(body).post("/api/timetable/schools/" + w.school + "/exceptional-lessons")
                .then().statusCode(201).body("exceptional", equalTo(true)).extract().path("id");
        as(w.pupilToken(1)).get("/api/timetable/pupils/" + w.pupil(1) + "/week?week=" + Weeks.label(tuesday)).then()
                .body("occurrences.state", contains("PLANNED", "ADDED"));
        var events = TopicReader.await(TOPIC, UUID.fromString(id), "fr.ent.timetable.lesson-changed.v1", 1);
        assertThat(events.get(0).data().path("kind").asText()).isEqualTo("ADDED");
        assertThat(events.get(0).subject()).isEqualTo(id + "_" + tuesday);
    }

    @Test
    void a_move_onto_a_holiday_or_an_unknown_slot_is_a_400_naming_the_field() {
        as(w.cpeToken()).body(Map.of("date", tuesday.plusDays(5).toString()))
                .post(occurrence(tuesday) + "/move").then().statusCode(400).body("errors[0].field", equalTo("date"))
                .body("detail", containsString("dimanche"));
        as(w.cpeToken()).body(Map.of("date", tuesday.plusDays(1).toString(), "slot", "Z9"))
                .post(occurrence(tuesday) + "/move").then().statusCode(400).body("errors[0].field", equalTo("slot"));
        as(w.cpeToken()).body(Map.of("roomId", UUID.randomUUID()))
                .post(occurrence(tuesday) + "/room").then().statusCode(400).body("errors[0].field", equalTo("roomId"));
        as(w.cpeToken()).body(Map.of("teacherId", w.otherTeacher))
                .post(occurrence(tuesday) + "/substitute").then().statusCode(400).body("errors[0].field", equalTo("teacherId"));
        as(w.cpeToken()).body(Map.of()).post(occurrence(tuesday.plusDays(1)) + "/cancel").then().statusCode(404);
    }
}
