package fr.ent.homework;

import fr.ent.directory.DirectoryProjection;
import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.events.contract.timetable.LessonScheduled;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.S3Resource;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.homework.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The cahier de textes on timetable-service's lessons, learnt from ent.timetable (LessonScheduled
 * published to the real Kafka with the kit's TopicWriter, applied by libs/lessons): an entry and a
 * work tied to a lesson Claire teaches in 4A, work due for the next maths lesson, a teacher's day
 * with its log status, and what is refused.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class LessonsTest {

    @Inject
    DirectoryProjection projection;

    @Inject
    SchoolClock clock;

    World w;
    LocalDate today;
    UUID maths;
    UUID mathsAgain;
    String mathsToday;
    String mathsInTwoDays;

    @BeforeEach
    void seed() {
        w = World.create(projection);
        today = World.today();
        World.at(today, 8, 0);
        maths = UUID.randomUUID();
        mathsAgain = UUID.randomUUID();
        mathsToday = maths + "_" + today;
        mathsInTwoDays = mathsAgain + "_" + today.plusDays(2);
        // Claire's maths in 4A: today 10:00 and in a week; and another maths lesson in two days at 09:00
        schedule(maths, w.classA, w.claire.id(), List.of(today, today.plusWeeks(1)), "10:00");
        schedule(mathsAgain, w.classA, w.claire.id(), List.of(today.plusDays(2)), "09:00");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                as(w.claire.token()).get("/api/homework/teachers/" + w.claire.id() + "/lessons?date=" + today.plusDays(2))
                        .then().extract().path("size()").equals(1)
                && as(w.claire.token()).get("/api/homework/teachers/" + w.claire.id() + "/lessons?date=" + today)
                        .then().extract().path("size()").equals(1));
    }

    @Test
    void an_entry_on_a_lesson_takes_its_day_and_work_set_there_is_due_for_the_next_maths_lesson() {
        String entry = as(w.claire.token()).body(entry(w.classA, "MATHS", mathsToday))
                .post("/api/homework/log-entries").then().statusCode(201)
                .body("occurrenceId", equalTo(mathsToday)).body("lessonOn", equalTo(today.toString()))
                .extract().path("id");

        Map<String, Object> work = w.work("Exercices 3 et 4", "EXERCISE", today, 20, Map.of("logEntryId", entry, "dueForNextLesson", true));
        work.remove("dueOn");
        var set = as(w.claire.token()).body(work).post("/api/homework/works").then().statusCode(201)
                .body("work.occurrenceId", equalTo(mathsToday))
                .body("work.dueOccurrenceId", equalTo(mathsInTwoDays))
                .body("work.dueOn", equalTo(today.plusDays(2).toString())).extract();
        assertThat(Instant.parse(set.path("work.dueAt"))).isEqualTo(clock.at(today.plusDays(2).atTime(9, 0)).toInstant());

        // Claire's day: the lesson, its entry published, one work set there
        as(w.claire.token()).get("/api/homework/teachers/" + w.claire.id() + "/lessons?date=" + today).then().statusCode(200)
                .body("occurrenceId", contains(mathsToday))
                .body("[0].classes[0].classGroupId", equalTo(w.classA.toString()))
                .body("[0].classes[0].status", equalTo("PUBLISHED"))
                .body("[0].classes[0].logEntryId", equalTo(entry))
                .body("[0].classes[0].works", equalTo(1));
        // the lesson in two days has nothing yet
        as(w.cpe.token()).get("/api/homework/teachers/" + w.claire.id() + "/lessons?date=" + today.plusDays(2)).then().statusCode(200)
                .body("[0].classes[0].status", equalTo("MISSING")).body("[0].classes[0].logEntryId", nullValue());
    }

    @Test
    void work_due_for_the_next_lesson_without_a_lesson_is_due_at_the_teachers_next_lesson_of_the_class() {
        Map<String, Object> work = w.work("Relire le cours", "READING", today, 10, Map.of("dueForNextLesson", true));
        work.remove("dueOn");
        as(w.claire.token()).body(work).post("/api/homework/works").then().statusCode(201)
                .body("work.dueOccurrenceId", equalTo(mathsToday)).body("work.dueOn", equalTo(today.toString()))
                .body("work.occurrenceId", nullValue());

        // no timetable for 4B: "for the next lesson" cannot be resolved, a day still can
        Map<String, Object> history = new HashMap<>(w.work("Frise", "EXERCISE", today, 10, Map.of("classGroupId", w.classB.toString(),
                "subject", "HISTOIRE", "dueForNextLesson", true)));
        history.remove("dueOn");
        as(w.bruno.token()).body(history).post("/api/homework/works").then().statusCode(400)
                .body("errors[0].field", equalTo("dueForNextLesson"));
        history.remove("dueForNextLesson");
        as(w.bruno.token()).body(history).post("/api/homework/works").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        history.put("dueOn", today.plusDays(1).toString());
        as(w.bruno.token()).body(history).post("/api/homework/works").then().statusCode(201).body("work.dueOccurrenceId", nullValue());
    }

    @Test
    void a_lesson_the_teacher_does_not_teach_or_of_another_class_is_refused_and_nothing_is_written() {
        // Paul teaches 4A, but not that lesson
        as(w.paul.token()).body(entry(w.classA, "FRANCAIS", mathsToday)).post("/api/homework/log-entries")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        // Claire teaches the Latin group, but the lesson is 4A's
        as(w.claire.token()).body(entry(w.latin, "LATIN", mathsToday)).post("/api/homework/log-entries")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        // an occurrence that does not exist
        as(w.claire.token()).body(entry(w.classA, "MATHS", maths + "_" + today.plusDays(1))).post("/api/homework/log-entries")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));
        // the lesson's own day, said otherwise
        Map<String, Object> wrongDay = entry(w.classA, "MATHS", mathsToday);
        wrongDay.put("lessonOn", today.plusDays(1).toString());
        as(w.claire.token()).body(wrongDay).post("/api/homework/log-entries").then().statusCode(400).body("errors[0].field", equalTo("lessonOn"));
        // work set on a lesson of another class
        as(w.claire.token()).body(w.work("Version", "EXERCISE", today.plusDays(1), 20, Map.of("classGroupId", w.latin.toString(),
                "subject", "LATIN", "occurrenceId", mathsToday))).post("/api/homework/works")
                .then().statusCode(400).body("errors[0].field", equalTo("occurrenceId"));

        as(w.claire.token()).get("/api/homework/classes/" + w.classA + "/log?from=" + today.minusDays(1) + "&to=" + today.plusDays(3))
                .then().statusCode(200).body("size()", equalTo(0));
        as(w.claire.token()).get("/api/homework/classes/" + w.latin + "/works?from=" + today + "&to=" + today.plusDays(3))
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void a_teachers_day_is_theirs_and_their_schools_staffs_and_a_draft_shows_to_its_author_only() {
        as(w.claire.token()).body(new HashMap<>(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS", "occurrenceId", mathsToday,
                "title", "Préparation", "content", "À venir", "published", false))).post("/api/homework/log-entries").then().statusCode(201);
        String path = "/api/homework/teachers/" + w.claire.id() + "/lessons?date=" + today;
        as(w.claire.token()).get(path).then().statusCode(200).body("[0].classes[0].status", equalTo("DRAFT"));
        as(w.cpe.token()).get(path).then().statusCode(200).body("[0].classes[0].status", equalTo("MISSING"));
        as(w.paul.token()).get(path).then().statusCode(404);
        as(w.otherCpe.token()).get(path).then().statusCode(404);
        as(w.lea.token()).get(path).then().statusCode(403);
        as(w.cpe.token()).get("/api/homework/teachers/" + w.lea.id() + "/lessons").then().statusCode(404);
    }

    @Test
    void a_cancelled_lesson_takes_no_entry_and_work_for_the_next_lesson_skips_it() {
        LocalDate inTwoDays = today.plusDays(2);
        LocalTime nine = LocalTime.of(9, 0);
        TopicWriter.publish(mathsAgain.toString(), new LessonChanged(mathsInTwoDays, mathsAgain, w.school, LessonChangeKind.CANCELLED,
                inTwoDays, nine, inTwoDays, nine, nine.plusMinutes(55), "Mathématiques", List.of(w.classA), List.of(),
                List.of(w.claire.id()), List.of(w.claire.id()), null, null, null, null), w.school);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> Boolean.TRUE.equals(
                as(w.claire.token()).get("/api/homework/teachers/" + w.claire.id() + "/lessons?date=" + inTwoDays)
                        .then().extract().path("[0].cancelled")));

        as(w.claire.token()).body(entry(w.classA, "MATHS", mathsInTwoDays)).post("/api/homework/log-entries")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("lesson-cancelled"));
        Map<String, Object> work = w.work("Exercices 5 et 6", "EXERCISE", today, 20, Map.of("occurrenceId", mathsToday, "dueForNextLesson", true));
        work.remove("dueOn");
        as(w.claire.token()).body(work).post("/api/homework/works").then().statusCode(201)
                .body("work.dueOccurrenceId", equalTo(maths + "_" + today.plusWeeks(1)))
                .body("work.dueOn", equalTo(today.plusWeeks(1).toString()));
    }

    Map<String, Object> entry(UUID classGroup, String subject, String occurrenceId) {
        return new HashMap<>(Map.of("classGroupId", classGroup.toString(), "subject", subject, "occurrenceId", occurrenceId,
                "title", "Théorème de Pythagore", "content", "Démonstration"));
    }

    void schedule(UUID lesson, UUID classId, UUID teacher, List<LocalDate> days, String start) {
        LocalTime s = LocalTime.parse(start);
        TopicWriter.publish(lesson.toString(), new LessonScheduled(lesson, w.school, "Mathématiques", List.of(classId), List.of(),
                List.of(teacher), null, 1, days.stream().map(d -> new LessonScheduled.PlannedOccurrence(lesson + "_" + d, d, s,
                        s.plusMinutes(55))).toList()), w.school);
    }
}
