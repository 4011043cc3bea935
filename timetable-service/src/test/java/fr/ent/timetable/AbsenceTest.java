package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.timetable.week.Weeks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.timetable.World.as;
import static fr.ent.timetable.World.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * A teacher declares their own absence (never a reason), each school's staff confirm it for their
 * lessons: every occurrence of the period is cancelled or given a substitute, all or nothing, and
 * announced (LessonChanged with the absence's id, then TeacherAbsenceConfirmed).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AbsenceTest {

    static final String TOPIC = "ent.timetable";
    static final String CONFIRMED = "fr.ent.timetable.teacher-absence-confirmed.v1";
    static final String CHANGED = "fr.ent.timetable.lesson-changed.v1";

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate tuesday;
    LocalDate thursday;
    UUID maths;
    UUID latin;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2).withCalendar();
        tuesday = World.next(DayOfWeek.TUESDAY);
        // the Thursday of the same week (the week may hold a public holiday: then it is skipped below)
        thursday = tuesday.with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
        maths = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
        Map<String, Object> latinBody = weekly("Latin", w.teacherA, null, null, "S1", "WEEKLY", tuesday);
        latinBody.put("groupIds", List.of(w.latin));
        latinBody.put("dayOfWeek", "THURSDAY");
        latin = w.plan(latinBody);
    }

    /** The whole week of that Tuesday, Monday 00:00 to Saturday 00:00. */
    Map<String, Object> week() {
        LocalDate monday = tuesday.minusDays(1);
        return Map.of("from", monday.atStartOfDay().toString(), "to", monday.plusDays(5).atStartOfDay().toString());
    }

    String declare(String token, Map<String, Object> period) {
        return as(token).body(period).post("/api/timetable/absences").then().statusCode(201)
                .body("status", everyItem(equalTo("DECLARED"))).extract().path("[0].id");
    }

    String pupilWeek(int pupil) {
        return "/api/timetable/pupils/" + w.pupil(pupil) + "/week?week=" + Weeks.label(tuesday);
    }

    @Test
    void a_reason_is_refused_and_nothing_is_stored() {
        Map<String, Object> body = new HashMap<>(week());
        body.put("reason", "grippe");
        as(w.teacherAToken()).body(body).post("/api/timetable/absences").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        body.remove("reason");
        body.put("motif", "maladie");
        as(w.teacherAToken()).body(body).post("/api/timetable/absences").then().statusCode(400);
        as(w.teacherAToken()).get("/api/timetable/absences/mine").then().statusCode(200).body("$", empty());
        as(w.teacherAToken()).body(Map.of("from", tuesday.atTime(12, 0).toString(), "to", tuesday.atTime(8, 0).toString()))
                .post("/api/timetable/absences").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void confirming_cancels_every_lesson_of_the_period_across_the_week_and_announces_it() {
        String absence = declare(w.teacherAToken(), week());
        as(w.teacherAToken()).get("/api/timetable/absences/mine").then().body("id", contains(absence))
                .body("[0].status", equalTo("DECLARED"));
        as(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/absences").then().statusCode(200)
                .body("id", contains(absence)).body("[0].teacherId", equalTo(w.teacherA.toString()));
        // nothing changes before the staff confirm
        as(w.pupilToken(0)).get(pupilWeek(0)).then().body("occurrences.state", everyItem(equalTo("PLANNED")));

        List<String> cancelled = as(w.cpeToken()).body(Map.of()).post("/api/timetable/absences/" + absence + "/confirm")
                .then().statusCode(200)
                .body("absence.status", equalTo("CONFIRMED"))
                .body("occurrences.state", everyItem(equalTo("CANCELLED")))
                .extract().path("occurrences.id");
        // pupil 0 has maths on Tuesday and Latin (group) on Thursday; every one of that week is cancelled
        List<String> week = as(w.pupilToken(0)).get(pupilWeek(0)).then().extract().path("occurrences.id");
        assertThat(week).isNotEmpty();
        assertThat(cancelled).containsExactlyInAnyOrderElementsOf(week).contains(maths + "_" + tuesday);
        as(w.pupilToken(0)).get(pupilWeek(0)).then().body("occurrences.state", everyItem(equalTo("CANCELLED")));
        // the week after is untouched
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week?week=" + Weeks.label(tuesday.plusWeeks(1)))
                .then().body("occurrences.state", everyItem(equalTo("PLANNED")));
        as(w.teacherAToken()).delete("/api/timetable/absences/" + absence).then().statusCode(409);

        var changed = TopicReader.await(TOPIC, maths, CHANGED, 1);
        assertThat(changed.get(0).data().path("kind").asText()).isEqualTo("CANCELLED");
        assertThat(changed.get(0).data().path("absenceId").asText()).isEqualTo(absence);
        var confirmed = TopicReader.await(TOPIC, w.teacherA, CONFIRMED, 1);
        assertThat(confirmed).hasSize(1);
        var data = confirmed.get(0).data();
        assertThat(data.path("absenceId").asText()).isEqualTo(absence);
        assertThat(data.path("schoolId").asText()).isEqualTo(w.school.toString());
        assertThat(data.path("teacherId").asText()).isEqualTo(w.teacherA.toString());
        assertThat(data.has("reason")).isFalse();
        assertThat(data.path("occurrences")).hasSize(cancelled.size());
        var first = data.path("occurrences").get(0);
        assertThat(first.path("occurrenceId").asText()).isEqualTo(maths + "_" + tuesday);
        assertThat(first.path("subject").asText()).isEqualTo("Mathématiques");
        assertThat(first.path("startsAt").asText()).isEqualTo("10:05:00");
        assertThat(first.path("classIds").get(0).asText()).isEqualTo(w.classA.toString());
        assertThat(first.path("outcome").asText()).isEqualTo("CANCELLED");
        assertThat(first.path("substituteTeacherId").isNull()).isTrue();
    }

    @Test
    void a_teacher_of_two_schools_gets_one_absence_per_school_each_confirmed_by_its_own_staff() {
        UUID english = w.plan(weekly("Anglais", w.teacherBoth, w.classB, null, "M1", "WEEKLY", tuesday));
        Map<String, Object> there = weekly("Anglais", w.teacherBoth, w.otherClass, null, "M2", "WEEKLY", tuesday);
        UUID englishThere = UUID.fromString(as(w.otherCpeToken()).body(there)
                .post("/api/timetable/schools/" + w.otherSchool + "/lessons").then().statusCode(201).extract().path("id"));

        List<String> ids = as(w.teacherBothToken()).body(week()).post("/api/timetable/absences").then().statusCode(201)
                .body("schoolId", hasSize(2)).extract().path("id");
        String here = as(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/absences").then()
                .body("id", hasSize(1)).extract().path("[0].id");
        String other = as(w.otherCpeToken()).get("/api/timetable/schools/" + w.otherSchool + "/absences").then()
                .body("id", hasSize(1)).extract().path("[0].id");
        assertThat(List.of(here, other)).containsExactlyInAnyOrderElementsOf(ids);
        // each school's staff confirm only their own school's absence
        as(w.cpeToken()).body(Map.of()).post("/api/timetable/absences/" + other + "/confirm").then().statusCode(404);
        as(w.otherCpeToken()).body(Map.of()).post("/api/timetable/absences/" + other + "/confirm").then().statusCode(200)
                .body("occurrences.id", contains(englishThere + "_" + tuesday))
                .body("occurrences[0].state", equalTo("CANCELLED"));
        // this school's lesson is untouched until its own staff confirm
        as(w.cpeToken()).get("/api/timetable/lessons/" + english).then().statusCode(200);
        as(w.teacherBothToken()).get("/api/timetable/teachers/" + w.teacherBoth + "/week?week=" + Weeks.label(tuesday))
                .then().body("occurrences.findAll { it.lessonId == '" + english + "' }.state", everyItem(equalTo("PLANNED")));
        as(w.cpeToken()).body(Map.of()).post("/api/timetable/absences/" + here + "/confirm").then().statusCode(200)
                .body("occurrences.id", contains(english + "_" + tuesday));
        var confirmed = TopicReader.await(TOPIC, w.teacherBoth, CONFIRMED, 2);
        assertThat(confirmed).extracting(e -> e.schoolId()).containsExactlyInAnyOrder(w.school.toString(), w.otherSchool.toString());
    }

    @Test
    void a_substitute_per_occurrence_and_a_clash_refuses_the_whole_confirmation() {
        String absence = declare(w.teacherAToken(), week());
        // teacherB teaches 4B on Tuesday M3 too: cannot stand in for maths then
        w.plan(weekly("Histoire", w.teacherB, w.classB, w.room("Labo"), "M3", "WEEKLY", tuesday));
        String tuesdayMaths = maths + "_" + tuesday;
        as(w.cpeToken()).body(Map.of("substitutes", List.of(Map.of("occurrenceId", tuesdayMaths, "teacherId", w.teacherB))))
                .post("/api/timetable/absences/" + absence + "/confirm").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/teacher-conflict"))
                .body("detail", containsString("Bruno Petit"));
        // nothing written: still declared, every lesson as planned, no event
        as(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/absences").then().body("[0].status", equalTo("DECLARED"));
        as(w.pupilToken(0)).get(pupilWeek(0)).then().body("occurrences.state", everyItem(equalTo("PLANNED")));
        assertThat(TopicReader.read(TOPIC, maths)).filteredOn(e -> CHANGED.equals(e.type())).isEmpty(); // its LessonScheduled is there
        assertThat(TopicReader.read(TOPIC, w.teacherA)).isEmpty();
        // an occurrence that is not the teacher's in the period is a 400 naming the entry
        as(w.cpeToken()).body(Map.of("substitutes", List.of(Map.of("occurrenceId", maths + "_" + tuesday.plusWeeks(1),
                        "teacherId", w.teacherBoth))))
                .post("/api/timetable/absences/" + absence + "/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("substitutes[0].occurrenceId"));

        // the teacher of both schools is free then: maths gets them, the rest is cancelled
        as(w.cpeToken()).body(Map.of("substitutes", List.of(Map.of("occurrenceId", tuesdayMaths, "teacherId", w.teacherBoth))))
                .post("/api/timetable/absences/" + absence + "/confirm").then().statusCode(200)
                .body("occurrences.find { it.id == '" + tuesdayMaths + "' }.state", equalTo("SUBSTITUTE"))
                .body("occurrences.find { it.id == '" + tuesdayMaths + "' }.teacherIds", contains(w.teacherBoth.toString()))
                .body("occurrences.findAll { it.id != '" + tuesdayMaths + "' }.state", everyItem(equalTo("CANCELLED")));
        var changed = TopicReader.await(TOPIC, maths, CHANGED, 1);
        assertThat(changed.get(0).data().path("kind").asText()).isEqualTo("SUBSTITUTE");
        assertThat(changed.get(0).data().path("absenceId").asText()).isEqualTo(absence);
        var confirmed = TopicReader.await(TOPIC, w.teacherA, CONFIRMED, 1).get(0).data().path("occurrences");
        assertThat(confirmed.get(0).path("outcome").asText()).isEqualTo("SUBSTITUTE");
        assertThat(confirmed.get(0).path("substituteTeacherId").asText()).isEqualTo(w.teacherBoth.toString());
    }

    @Test
    void a_teacher_withdraws_their_own_declaration_and_nobody_else_can() {
        String absence = declare(w.teacherAToken(), week());
        as(w.teacherBToken()).delete("/api/timetable/absences/" + absence).then().statusCode(404);
        as(w.otherCpeToken()).get("/api/timetable/schools/" + w.school + "/absences").then().statusCode(404);
        as(w.otherCpeToken()).body(Map.of()).post("/api/timetable/absences/" + absence + "/confirm").then().statusCode(404);
        as(w.pupilToken(0)).body(Map.of()).post("/api/timetable/absences/" + absence + "/confirm").then().statusCode(403);
        as(w.guardianToken(0)).get("/api/timetable/schools/" + w.school + "/absences").then().statusCode(403);
        as(w.teacherAToken()).delete("/api/timetable/absences/" + absence).then().statusCode(204);
        as(w.teacherAToken()).get("/api/timetable/absences/mine").then().body("$", empty());
        as(w.cpeToken()).body(Map.of()).post("/api/timetable/absences/" + absence + "/confirm").then().statusCode(404);
    }

    @Test
    void staff_record_an_absence_confirmed_at_once() {
        Map<String, Object> body = new HashMap<>(week());
        body.put("teacherId", w.teacherA);
        as(w.cpeToken()).body(body).post("/api/timetable/schools/" + w.school + "/absences").then().statusCode(201)
                .body("absence.status", equalTo("CONFIRMED"))
                .body("occurrences.id", org.hamcrest.Matchers.hasItem(maths + "_" + tuesday));
        body.put("teacherId", w.otherTeacher);
        as(w.cpeToken()).body(body).post("/api/timetable/schools/" + w.school + "/absences").then().statusCode(400)
                .body("errors[0].field", equalTo("teacherId"));
        as(w.otherCpeToken()).body(body).post("/api/timetable/schools/" + w.school + "/absences").then().statusCode(404);
    }

    @Test
    void an_afternoon_absence_cancels_a_double_lesson_it_overlaps_in_its_second_slot_only() {
        // Bruno Petit: 4B's EPS S1–S2 (13:30–15:25) and history at M1; absent from 14:30 (S2) on
        Map<String, Object> body = weekly("EPS", w.teacherB, w.classB, null, "S1", "WEEKLY", tuesday);
        body.put("endSlot", "S2");
        UUID eps = w.plan(body);
        UUID history = w.plan(weekly("Histoire", w.teacherB, w.classB, null, "M1", "WEEKLY", tuesday));
        Map<String, Object> afternoon = Map.of("teacherId", w.teacherB, "from", tuesday.atTime(14, 30).toString(),
                "to", tuesday.atTime(18, 0).toString());
        as(w.cpeToken()).body(afternoon).post("/api/timetable/schools/" + w.school + "/absences").then().statusCode(201)
                .body("occurrences.id", contains(eps + "_" + tuesday))
                .body("occurrences[0].state", equalTo("CANCELLED"))
                .body("occurrences[0].endsAt", equalTo("15:25:00"));
        as(w.cpeToken()).get("/api/timetable/lessons/" + history + "/occurrences/" + tuesday).then()
                .body("state", equalTo("PLANNED"));
        var confirmed = TopicReader.await(TOPIC, w.teacherB, CONFIRMED, 1);
        assertThat(confirmed.get(0).data().path("occurrences").get(0).path("endsAt").asText()).isEqualTo("15:25:00");
    }
}
