package fr.ent.attendance;

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
import java.time.temporal.TemporalAdjusters;
import java.util.Iterator;
import java.util.Map;

import static fr.ent.attendance.World.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a pupil was away never leaves attendance: a school's reason (here MALADIE, which the school
 * did not flag confidential, as most do) is in no event, neither its code nor its label, nor the
 * family's comment; the events say only whether the absence is justified.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class HealthReasonEventsTest {

    @Inject
    DirectoryProjection projection;

    World w;
    String illness;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2);
        illness = w.reason("MALADIE", "Maladie", true, false);
    }

    @Test
    void an_absence_recorded_with_a_health_reason_is_published_without_it() {
        LocalDate tuesday = World.today().with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        as(w.cpeToken()).body(Map.of("pupilId", w.pupil(0), "startsAt", tuesday + "T08:00",
                        "endsAt", tuesday + "T12:00", "reasonId", illness))
                .post("/api/attendance/absences").then().statusCode(201);
        var event = TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.absence-recorded.v1", 1).get(0);
        assertThat(event.data().get("justified").asBoolean()).isTrue();
        assertNothingAboutTheReason(event);
    }

    @Test
    void an_accepted_justification_for_illness_is_published_without_the_reason_nor_the_comment() {
        LocalDate friday = World.today().with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        String absence = as(w.cpeToken()).body(Map.of("pupilId", w.pupil(1), "startsAt", friday + "T08:00",
                        "endsAt", friday + "T12:00"))
                .post("/api/attendance/absences").then().statusCode(201).extract().path("id");
        String justification = as(w.guardianToken(1)).body(Map.of("reasonId", illness, "comment", "Fièvre, otite"))
                .post("/api/attendance/entries/" + absence + "/justifications").then().statusCode(201).extract().path("id");
        as(w.cpeToken()).post("/api/attendance/justifications/" + justification + "/accept").then().statusCode(200);

        var event = TopicReader.await("ent.attendance", w.pupil(1), "fr.ent.attendance.absence-justified.v1", 1).get(0);
        assertThat(event.data().get("accepted").asBoolean()).isTrue();
        assertNothingAboutTheReason(event);
        assertThat(event.value()).doesNotContain("Fièvre").doesNotContain("otite");
    }

    private static void assertNothingAboutTheReason(TopicReader.Event event) {
        assertThat(event.value()).doesNotContain("MALADIE").doesNotContain("Maladie").doesNotContain("reasonCode");
        for (Iterator<String> names = event.data().fieldNames(); names.hasNext(); ) {
            assertThat(names.next().toLowerCase()).doesNotContain("reason").doesNotContain("comment");
        }
    }
}
