package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static fr.ent.timetable.World.as;
import static fr.ent.timetable.World.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Staff edit a lesson's future, end it from a date, and restore a cancelled occurrence. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class LessonLifecycleTest {

    static final String TOPIC = "ent.timetable";
    static final String CHANGED = "fr.ent.timetable.lesson-changed.v1";

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate tuesday;
    UUID maths;

    @BeforeEach
    void seed() {
        w = World.create(projection, 1).withCalendar();
        tuesday = World.next(DayOfWeek.TUESDAY);
        maths = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
    }

    String lesson(UUID id) {
        return "/api/timetable/lessons/" + id;
    }

    @Test
    void a_restored_occurrence_takes_place_again_and_is_announced_restored() {
        String occurrence = lesson(maths) + "/occurrences/" + tuesday;
        as(w.cpeToken()).body(Map.of()).post(occurrence + "/cancel").then().statusCode(200);
        as(w.cpeToken()).post(occurrence + "/restore").then().statusCode(200)
                .body("state", equalTo("PLANNED"));
        as(w.cpeToken()).get(occurrence).then().body("state", equalTo("PLANNED"));
        var events = TopicReader.await(TOPIC, maths, CHANGED, 2);
        assertThat(events.get(1).data().path("kind").asText()).isEqualTo("RESTORED");
        as(w.cpeToken()).post(occurrence + "/restore").then().statusCode(409)
                .body("type", endsWith("occurrence-not-cancelled"));
        as(w.teacherAToken()).post(occurrence + "/restore").then().statusCode(403);
        as(w.otherCpeToken()).post(occurrence + "/restore").then().statusCode(404);
    }

    @Test
    void an_ended_lesson_keeps_its_past_and_loses_its_later_occurrences_announced_cancelled() {
        LocalDate from = tuesday.plusWeeks(1);
        as(w.cpeToken()).body(Map.of("from", from.toString())).post(lesson(maths) + "/end").then().statusCode(200)
                .body("endsOn", equalTo(from.minusDays(1).toString()));
        as(w.cpeToken()).get(lesson(maths) + "/occurrences/" + tuesday).then().statusCode(200);
        as(w.cpeToken()).get(lesson(maths) + "/occurrences/" + from).then().statusCode(404);
        var events = TopicReader.await(TOPIC, maths, CHANGED, 1);
        assertThat(events).allSatisfy(e -> assertThat(e.data().path("kind").asText()).isEqualTo("CANCELLED"));
        assertThat(events.get(0).data().path("plannedDate").asText()).isEqualTo(from.toString());
        as(w.otherCpeToken()).body(Map.of("from", from.toString())).post(lesson(maths) + "/end").then().statusCode(404);
        // Ended from its first occurrence, a lesson never took place: it is gone.
        as(w.cpeToken()).body(Map.of("from", tuesday.toString())).post(lesson(maths) + "/end").then().statusCode(204);
        as(w.cpeToken()).get(lesson(maths)).then().statusCode(404);
    }

    @Test
    void an_edit_splits_the_series_at_the_date_and_a_clash_changes_nothing() {
        LocalDate from = tuesday.plusWeeks(1);
        UUID history = w.plan(weekly("Histoire", w.teacherB, w.classB, w.room("Labo"), "M4", "WEEKLY", tuesday));
        Map<String, Object> next = weekly("Mathématiques", w.teacherA, w.classA, w.room("Labo"), "M4", "WEEKLY", from);
        // Labo is taken at M4 on Tuesdays: refused, nothing changed.
        as(w.cpeToken()).body(next).put(lesson(maths) + "?from=" + from).then().statusCode(409)
                .body("type", endsWith("room-conflict"));
        as(w.cpeToken()).get(lesson(maths)).then().body("endsOn", not(equalTo(from.minusDays(1).toString())));

        next.put("roomId", w.room("B12"));
        String newId = as(w.cpeToken()).body(next).put(lesson(maths) + "?from=" + from).then().statusCode(200)
                .body("startsOn", equalTo(from.toString())).body("slot", equalTo("M4"))
                .extract().path("id");
        assertThat(newId).isNotEqualTo(maths.toString());
        as(w.cpeToken()).get(lesson(maths)).then().body("endsOn", equalTo(from.minusDays(1).toString()))
                .body("slot", equalTo("M3"));
        as(w.teacherAToken()).body(next).put(lesson(maths) + "?from=" + from).then().statusCode(403);
        assertThat(history).isNotNull();
    }

    @Test
    void an_edit_makes_a_lesson_double_from_a_date_and_the_old_one_keeps_its_single_slot() {
        LocalDate from = tuesday.plusWeeks(1);
        Map<String, Object> next = weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", from);
        next.put("endSlot", "M4");
        String newId = as(w.cpeToken()).body(next).put(lesson(maths) + "?from=" + from).then().statusCode(200)
                .body("slot", equalTo("M3")).body("endSlot", equalTo("M4"))
                .extract().path("id");
        as(w.cpeToken()).get(lesson(maths)).then().body("endSlot", nullValue());
        as(w.cpeToken()).get(lesson(UUID.fromString(newId)) + "/occurrences/" + from).then().statusCode(200)
                .body("startsAt", equalTo("10:05:00")).body("endsAt", equalTo("12:00:00"));
        as(w.cpeToken()).get(lesson(maths) + "/occurrences/" + tuesday).then().body("endsAt", equalTo("11:00:00"));
        // a bad last slot is refused and changes nothing; without endSlot, one slot again
        next.put("endSlot", "M1");
        as(w.cpeToken()).body(next).put(lesson(UUID.fromString(newId)) + "?from=" + from.plusWeeks(1)).then().statusCode(400)
                .body("errors[0].field", equalTo("endSlot"));
        as(w.cpeToken()).get(lesson(UUID.fromString(newId))).then().body("endsOn", not(equalTo(from.plusWeeks(1).minusDays(1).toString())));
        next.remove("endSlot");
        as(w.cpeToken()).body(next).put(lesson(UUID.fromString(newId)) + "?from=" + from.plusWeeks(1)).then().statusCode(200)
                .body("endSlot", nullValue());
    }
}
