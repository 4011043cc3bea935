package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import fr.ent.timetable.week.Weeks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.timetable.World.as;
import static fr.ent.timetable.World.weekly;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Lessons planned by staff, their occurrences computed from the calendar, and the weeks everyone reads. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class LessonAndWeekTest {

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate tuesday;

    @BeforeEach
    void seed() {
        w = World.create(projection, 3).withCalendar();
        tuesday = World.next(DayOfWeek.TUESDAY);
    }

    String week(LocalDate day) {
        return "?week=" + Weeks.label(day);
    }

    @Test
    void a_weekly_lesson_shows_in_the_weeks_of_its_pupils_class_teacher_and_room() {
        UUID lesson = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
        String occurrence = lesson + "_" + tuesday;

        for (String token : List.of(w.pupilToken(0), w.guardianToken(0), w.teacherAToken(), w.cpeToken())) {
            as(token).get("/api/timetable/pupils/" + w.pupil(0) + "/week" + week(tuesday)).then().statusCode(200)
                    .body("week", equalTo(Weeks.label(tuesday)))
                    .body("occurrences", hasSize(1))
                    .body("occurrences[0].id", equalTo(occurrence))
                    .body("occurrences[0].date", equalTo(tuesday.toString()))
                    .body("occurrences[0].slot", equalTo("M3"))
                    .body("occurrences[0].startsAt", equalTo("10:05:00"))
                    .body("occurrences[0].state", equalTo("PLANNED"))
                    .body("occurrences[0].planned", nullValue());
        }
        as(w.cpeToken()).get("/api/timetable/pupils/" + w.pupil(0) + "/week?date=" + tuesday.plusDays(3))
                .then().body("occurrences.id", contains(occurrence));
        as(w.cpeToken()).get("/api/timetable/pupils/" + w.pupilB + "/week" + week(tuesday)).then().body("occurrences", hasSize(0));
        as(w.teacherAToken()).get("/api/timetable/classes/" + w.classA + "/week" + week(tuesday))
                .then().statusCode(200).body("occurrences.id", contains(occurrence));
        as(w.teacherAToken()).get("/api/timetable/teachers/" + w.teacherA + "/week" + week(tuesday))
                .then().statusCode(200).body("occurrences.id", contains(occurrence));
        as(w.teacherAToken()).get("/api/timetable/rooms/" + w.room("B12") + "/week" + week(tuesday))
                .then().statusCode(200).body("occurrences.id", contains(occurrence));
        as(w.teacherAToken()).get("/api/timetable/rooms/" + w.room("Labo") + "/week" + week(tuesday))
                .then().statusCode(200).body("occurrences", hasSize(0));
        // the following week too: it repeats
        as(w.cpeToken()).get("/api/timetable/classes/" + w.classA + "/week" + week(tuesday.plusWeeks(1)))
                .then().body("occurrences.date", contains(tuesday.plusWeeks(1).toString()));
        as(w.teacherAToken()).get("/api/timetable/lessons/" + lesson + "/occurrences/" + tuesday)
                .then().statusCode(200).body("id", equalTo(occurrence));
        as(w.teacherAToken()).get("/api/timetable/lessons/" + lesson + "/occurrences/" + tuesday.plusDays(1))
                .then().statusCode(404);
    }

    @Test
    void a_group_lesson_reaches_the_pupils_of_the_group_only() {
        Map<String, Object> latin = weekly("Latin", w.teacherA, null, w.room("Labo"), "S1", "WEEKLY", tuesday);
        latin.put("groupIds", List.of(w.latin));
        UUID lesson = w.plan(latin);
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week" + week(tuesday))
                .then().body("occurrences.lessonId", contains(lesson.toString()))
                .body("occurrences[0].groupIds", contains(w.latin.toString()));
        as(w.pupilToken(2)).get("/api/timetable/pupils/" + w.pupil(2) + "/week" + week(tuesday))
                .then().body("occurrences", hasSize(0));
        as(w.teacherAToken()).get("/api/timetable/classes/" + w.latin + "/week" + week(tuesday))
                .then().body("occurrences.lessonId", contains(lesson.toString()));
    }

    @Test
    void week_a_and_week_b_lessons_share_a_slot_and_alternate() {
        UUID a = w.plan(weekly("Physique", w.teacherA, w.classA, w.room("Labo"), "S2", "WEEK_A", tuesday));
        UUID b = w.plan(weekly("SVT", w.teacherA, w.classA, w.room("Labo"), "S2", "WEEK_B", tuesday));
        // World's calendar: even ISO weeks are A, odd ones B (a year of 53 weeks has two odd ones in a row)
        LocalDate weekA = firstTuesdayOfWeekParity(tuesday, 0);
        as(w.cpeToken()).get("/api/timetable/classes/" + w.classA + "/week" + week(weekA))
                .then().body("occurrences.lessonId", contains(a.toString()));
        as(w.cpeToken()).get("/api/timetable/classes/" + w.classA + "/week" + week(firstTuesdayOfWeekParity(weekA, 1)))
                .then().body("occurrences.lessonId", contains(b.toString()));
        // every week on that slot overlaps both
        as(w.cpeToken()).body(weekly("Technologie", w.teacherA, w.classA, null, "S2", "WEEKLY", tuesday))
                .post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/teacher-conflict"))
                .body("detail", containsString("Anne Martin"));
    }

    private static LocalDate firstTuesdayOfWeekParity(LocalDate from, int parity) {
        LocalDate d = from;
        while (d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 2 != parity) {
            d = d.plusWeeks(1);
        }
        return d;
    }

    @Test
    void no_lesson_on_holidays_and_a_one_off_lesson_on_one_is_refused_naming_the_date() {
        LocalDate in2Weeks = tuesday.plusWeeks(2);
        as(w.cpeToken()).body(Map.of("name", "Fermeture", "startsOn", in2Weeks.minusDays(1).toString(),
                        "endsOn", in2Weeks.plusDays(3).toString()))
                .post("/api/timetable/schools/" + w.school + "/calendar/years/" + World.year() + "/holidays")
                .then().statusCode(201);
        UUID lesson = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M1", "WEEKLY", tuesday));
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week" + week(in2Weeks))
                .then().body("occurrences", hasSize(0));
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week" + week(in2Weeks.plusWeeks(1)))
                .then().body("occurrences.lessonId", contains(lesson.toString()));

        Map<String, Object> once = new HashMap<>(weekly("Sortie", w.teacherA, w.classA, null, "M2", "ONCE", in2Weeks));
        once.remove("dayOfWeek");
        once.remove("startsOn");
        once.put("date", in2Weeks.toString());
        as(w.cpeToken()).body(once).post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(400)
                .body("errors[0].field", equalTo("date"))
                .body("detail", containsString("vacances (Fermeture)"));
        int first = World.firstYear();
        LocalDate armistice = LocalDate.of(first, 11, 11);
        if (armistice.isAfter(World.today()) && armistice.getDayOfWeek() != DayOfWeek.SUNDAY) {
            once.put("date", armistice.toString());
            as(w.cpeToken()).body(once).post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(400)
                    .body("detail", containsString("jour férié (Armistice 1918)"));
        }
    }

    @Test
    void two_lessons_in_one_room_or_for_one_class_at_the_same_time_are_refused_with_the_conflict_named() {
        w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
        as(w.cpeToken()).body(weekly("Histoire", w.teacherB, w.classB, w.room("B12"), "M3", "WEEKLY", tuesday.plusWeeks(3)))
                .post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/room-conflict"))
                .body("detail", containsString("La salle B12 est déjà occupée"));
        as(w.cpeToken()).body(weekly("Histoire", w.teacherB, w.classA, w.room("Labo"), "M3", "WEEKLY", tuesday))
                .post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/class-conflict"))
                .body("detail", containsString("4A a déjà cours"));
        as(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/lessons").then().body("", hasSize(1));
    }

    @Test
    void a_double_lesson_is_one_lesson_from_its_first_slots_start_to_its_last_slots_end_across_the_break() {
        // M2 09:00–09:55, the break, M3 10:05–11:00
        Map<String, Object> eps = weekly("EPS", w.teacherA, w.classA, null, "M2", "WEEKLY", tuesday);
        eps.put("endSlot", "M3");
        UUID lesson = w.plan(eps);
        as(w.cpeToken()).get("/api/timetable/lessons/" + lesson).then().statusCode(200)
                .body("slot", equalTo("M2")).body("endSlot", equalTo("M3"));
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week" + week(tuesday)).then().statusCode(200)
                .body("occurrences", hasSize(1))
                .body("occurrences[0].id", equalTo(lesson + "_" + tuesday))
                .body("occurrences[0].slot", equalTo("M2"))
                .body("occurrences[0].endSlot", equalTo("M3"))
                .body("occurrences[0].startsAt", equalTo("09:00:00"))
                .body("occurrences[0].endsAt", equalTo("11:00:00"));

        // a lesson in its second slot only is refused, naming the double lesson; right after it is free
        as(w.cpeToken()).body(weekly("Histoire", w.teacherB, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday))
                .post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/class-conflict"))
                .body("detail", containsString("4A a déjà cours"))
                .body("detail", containsString("de 09:00 à 11:00 (EPS, séance " + lesson + "_" + tuesday + ")"));
        w.plan(weekly("Histoire", w.teacherB, w.classA, w.room("B12"), "M4", "WEEKLY", tuesday));
        // and a double lesson whose second slot holds a lesson already: refused, naming that lesson
        Map<String, Object> sport = weekly("EPS", w.teacherB, w.classB, null, "M3", "WEEKLY", tuesday);
        sport.put("endSlot", "M4");
        as(w.cpeToken()).body(sport).post("/api/timetable/schools/" + w.school + "/lessons").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/teacher-conflict"))
                .body("detail", containsString("Bruno Petit a déjà cours"))
                .body("detail", containsString("de 11:05 à 12:00 (Histoire"));
        as(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/lessons").then().body("subject", contains("EPS", "Histoire"));
    }

    @Test
    void a_last_slot_unknown_or_not_after_the_first_is_a_400_naming_endSlot_and_nothing_is_written() {
        String lessons = "/api/timetable/schools/" + w.school + "/lessons";
        for (String endSlot : List.of("Z9", "M1", "M2")) {
            Map<String, Object> eps = weekly("EPS", w.teacherA, w.classA, null, "M2", "WEEKLY", tuesday);
            eps.put("endSlot", endSlot);
            as(w.cpeToken()).body(eps).post(lessons).then().statusCode(400)
                    .body("type", equalTo("https://ent.example/problems/validation-failed"))
                    .body("errors[0].field", equalTo("endSlot"));
        }
        Map<String, Object> tooLong = weekly("EPS", w.teacherA, w.classA, null, "M2", "WEEKLY", tuesday);
        tooLong.put("endSlot", "M".repeat(11));
        as(w.cpeToken()).body(tooLong).post(lessons).then().statusCode(400);
        as(w.cpeToken()).get(lessons).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void unknown_class_teacher_room_or_slot_is_a_400_naming_the_field_and_nothing_is_written() {
        String lessons = "/api/timetable/schools/" + w.school + "/lessons";
        record Bad(String field, Map<String, Object> body) {
        }
        Map<String, Object> unknownClass = weekly("Maths", w.teacherA, UUID.randomUUID(), null, "M1", "WEEKLY", tuesday);
        Map<String, Object> otherSchoolsClass = weekly("Maths", w.teacherA, w.otherClass, null, "M1", "WEEKLY", tuesday);
        Map<String, Object> groupAsClass = weekly("Maths", w.teacherA, w.latin, null, "M1", "WEEKLY", tuesday);
        Map<String, Object> otherSchoolsTeacher = weekly("Maths", w.otherTeacher, w.classA, null, "M1", "WEEKLY", tuesday);
        Map<String, Object> pupilAsTeacher = weekly("Maths", w.pupil(0), w.classA, null, "M1", "WEEKLY", tuesday);
        Map<String, Object> unknownRoom = weekly("Maths", w.teacherA, w.classA, UUID.randomUUID(), "M1", "WEEKLY", tuesday);
        Map<String, Object> unknownSlot = weekly("Maths", w.teacherA, w.classA, null, "M9", "WEEKLY", tuesday);
        Map<String, Object> noClass = weekly("Maths", w.teacherA, null, null, "M1", "WEEKLY", tuesday);
        Map<String, Object> outsideYear = weekly("Maths", w.teacherA, w.classA, null, "M1", "WEEKLY", tuesday);
        outsideYear.put("endsOn", (World.firstYear() + 2) + "-01-01");
        Map<String, Object> inverted = weekly("Maths", w.teacherA, w.classA, null, "M1", "WEEKLY", tuesday);
        inverted.put("endsOn", tuesday.minusDays(1).toString());
        for (Bad bad : List.of(new Bad("classIds", unknownClass), new Bad("classIds", otherSchoolsClass),
                new Bad("classIds", groupAsClass), new Bad("teacherIds", otherSchoolsTeacher),
                new Bad("teacherIds", pupilAsTeacher), new Bad("roomId", unknownRoom), new Bad("slot", unknownSlot),
                new Bad("classIds", noClass), new Bad("endsOn", outsideYear), new Bad("endsOn", inverted))) {
            as(w.cpeToken()).body(bad.body()).post(lessons).then().statusCode(400)
                    .body("errors[0].field", equalTo(bad.field()));
        }
        as(w.cpeToken()).get(lessons).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void a_teacher_of_two_schools_sees_both_and_each_school_sees_its_own() {
        UUID here = w.plan(weekly("Anglais", w.teacherBoth, w.classB, null, "M1", "WEEKLY", tuesday));
        Map<String, Object> there = weekly("Anglais", w.teacherBoth, w.otherClass, null, "S3", "WEEKLY", tuesday);
        String thereId = as(w.otherCpeToken()).body(there).post("/api/timetable/schools/" + w.otherSchool + "/lessons")
                .then().statusCode(201).extract().path("id");
        // the same teacher at the same time in the other school is a clash
        as(w.otherCpeToken()).body(weekly("Anglais", w.teacherBoth, w.otherClass, null, "M1", "WEEKLY", tuesday))
                .post("/api/timetable/schools/" + w.otherSchool + "/lessons").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/teacher-conflict"));

        String teacherWeek = "/api/timetable/teachers/" + w.teacherBoth + "/week" + week(tuesday);
        as(w.teacherBothToken()).get(teacherWeek).then().statusCode(200)
                .body("occurrences.lessonId", contains(here.toString(), thereId));
        as(w.cpeToken()).get(teacherWeek).then().body("occurrences.lessonId", contains(here.toString()));
        as(w.teacherBToken()).get(teacherWeek).then().body("occurrences.lessonId", contains(here.toString()));
        as(w.otherCpeToken()).get(teacherWeek).then().body("occurrences.lessonId", contains(thereId));
        as(w.otherTeacherToken()).get(teacherWeek).then().body("occurrences.lessonId", contains(thereId));
        as(w.otherTeacherToken()).get("/api/timetable/teachers/" + w.teacherA + "/week").then().statusCode(404);
    }

    @Test
    void a_slot_that_lessons_use_cannot_be_removed() {
        w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
        as(w.cpeToken()).body(Map.of("slots", List.of(World.slot("M1", "08:00", "08:55"), World.slot("M2", "09:00", "09:55"))))
                .put("/api/timetable/schools/" + w.school + "/calendar/slots").then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/slot-in-use"))
                .body("detail", containsString("M3"));
        // its times may change: the lesson follows
        as(w.cpeToken()).body(Map.of("slots", List.of(World.slot("M3", "10:15", "11:10"))))
                .put("/api/timetable/schools/" + w.school + "/calendar/slots").then().statusCode(200);
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week" + week(tuesday))
                .then().body("occurrences[0].startsAt", equalTo("10:15:00"));
    }

    @Test
    void the_last_slot_of_a_double_lesson_cannot_be_removed_nor_put_before_its_first() {
        Map<String, Object> eps = weekly("EPS", w.teacherA, w.classA, null, "S1", "WEEKLY", tuesday);
        eps.put("endSlot", "S2");
        w.plan(eps);
        String slots = "/api/timetable/schools/" + w.school + "/calendar/slots";
        as(w.cpeToken()).body(Map.of("slots", List.of(World.slot("S1", "13:30", "14:25"))))
                .put(slots).then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/slot-in-use"))
                .body("detail", containsString("S2"));
        as(w.cpeToken()).body(Map.of("slots", List.of(World.slot("S1", "15:35", "16:30"), World.slot("S2", "14:30", "15:25"))))
                .put(slots).then().statusCode(409)
                .body("type", equalTo("https://ent.example/problems/slot-in-use"))
                .body("detail", containsString("S2 doit rester après S1"));
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week" + week(tuesday))
                .then().body("occurrences[0].startsAt", equalTo("13:30:00")).body("occurrences[0].endsAt", equalTo("15:25:00"));
    }

    @Test
    void a_read_of_a_pupils_week_is_in_the_schools_audit_trail() {
        as(w.guardianToken(1)).get("/api/timetable/pupils/" + w.pupil(1) + "/week").then().statusCode(200);
        as(w.cpeToken()).get("/api/timetable/schools/" + w.school + "/audit?pupilId=" + w.pupil(1)).then().statusCode(200)
                .body("items.action", hasItem("timetable.week.read"))
                .body("items.actorPersonId", hasItem(w.guardian(1).toString()));
        as(TestTokens.platformAdmin()).get("/api/timetable/schools/" + UUID.randomUUID() + "/audit").then().statusCode(404);
    }
}
