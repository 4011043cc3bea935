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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.timetable.World.as;
import static fr.ent.timetable.World.weekly;
import static org.assertj.core.api.Assertions.assertThat;

/** A lesson's whole plan on ent.timetable: when it is created, and again when the calendar changes its occurrences. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class LessonScheduledTest {

    static final String TOPIC = "ent.timetable";
    static final String TYPE = "fr.ent.timetable.lesson-scheduled.v1";

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate tuesday;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2).withCalendar();
        tuesday = World.next(DayOfWeek.TUESDAY);
    }

    @Test
    void a_new_lesson_publishes_its_plan_and_a_holiday_period_republishes_it_without_those_days() {
        UUID maths = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));

        var first = TopicReader.await(TOPIC, maths, TYPE, 1).get(0);
        assertThat(first.schoolId()).isEqualTo(w.school.toString());
        var data = first.data();
        assertThat(data.path("lessonId").asText()).isEqualTo(maths.toString());
        assertThat(data.path("subject").asText()).isEqualTo("Mathématiques");
        assertThat(data.path("classIds").get(0).asText()).isEqualTo(w.classA.toString());
        assertThat(data.path("teacherIds").get(0).asText()).isEqualTo(w.teacherA.toString());
        assertThat(data.path("roomId").asText()).isEqualTo(w.room("B12").toString());
        List<String> dates = new ArrayList<>();
        data.path("occurrences").forEach(o -> dates.add(o.path("date").asText()));
        assertThat(dates).first().isEqualTo(tuesday.toString());
        assertThat(dates).contains(tuesday.plusWeeks(1).toString());
        var o = data.path("occurrences").get(0);
        assertThat(o.path("occurrenceId").asText()).isEqualTo(maths + "_" + tuesday);
        assertThat(o.path("startsAt").asText()).isEqualTo("10:05:00");
        assertThat(o.path("endsAt").asText()).isEqualTo("11:00:00");
        long version = data.path("version").asLong();
        assertThat(version).isPositive();

        // A holiday week over next Tuesday: the plan comes again, without that day, with a higher version.
        LocalDate day = tuesday.plusWeeks(1);
        as(w.cpeToken()).body(Map.of("name", "Pont", "startsOn", day.toString(), "endsOn", day.toString()))
                .post("/api/timetable/schools/" + w.school + "/calendar/years/" + World.year() + "/holidays")
                .then().statusCode(201);
        var second = TopicReader.await(TOPIC, maths, TYPE, 2).get(1).data();
        List<String> after = new ArrayList<>();
        second.path("occurrences").forEach(x -> after.add(x.path("date").asText()));
        assertThat(after).hasSize(dates.size() - 1).doesNotContain(day.toString()).contains(tuesday.toString());
        assertThat(second.path("version").asLong()).isGreaterThan(version);
    }

    @Test
    void a_holiday_on_a_day_without_the_lesson_republishes_nothing() {
        UUID maths = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
        TopicReader.await(TOPIC, maths, TYPE, 1);
        LocalDate wednesday = tuesday.plusDays(1);
        as(w.cpeToken()).body(Map.of("name", "Pont", "startsOn", wednesday.toString(), "endsOn", wednesday.toString()))
                .post("/api/timetable/schools/" + w.school + "/calendar/years/" + World.year() + "/holidays")
                .then().statusCode(201);
        UUID marker = w.plan(weekly("Latin", w.teacherA, w.classA, w.room("Labo"), "M1", "WEEKLY", tuesday));
        // The later lesson's plan is on the topic: the holiday's transaction, before it, published nothing for maths.
        TopicReader.await(TOPIC, marker, TYPE, 1);
        assertThat(TopicReader.read(TOPIC, maths)).filteredOn(e -> TYPE.equals(e.type())).hasSize(1);
    }
}
