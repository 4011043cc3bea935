package fr.ent.grades;

import fr.ent.directory.DirectoryProjection;
import fr.ent.grades.support.StatementCountHeader;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.grades.World.as;
import static fr.ent.grades.World.mark;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a pupil's marks page costs in SQL round trips (the driver of the test profile counts them):
 * a fixed number per request, whatever the number of marks, subjects or classmates. The figures are
 * those written in the README ("What a page costs"); a query per mark or per pupil fails here.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class MarksPageCostTest {

    /** GET /pupils/{id}/marks?periodId= read by a guardian (README). */
    static final int MARKS_PAGE = 5;
    /** GET /pupils/{id}/periods/{id}/averages read by a guardian, rank off and on (README). */
    static final int AVERAGES = 8;
    static final int AVERAGES_RANKED = 11;

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate today;

    @BeforeEach
    void seed() {
        w = World.create(projection, 6).withYear();
        today = World.today();
    }

    @AfterEach
    void resetClock() {
        World.at(today, 10, 30);
    }

    private void publishMarks(int assessments) {
        for (int i = 0; i < assessments; i++) {
            boolean maths = i % 2 == 0;
            UUID a = World.assessment(maths ? w.claire.token() : w.paul.token(), w.classA, maths ? "MATHS" : "FRANCAIS",
                    "Évaluation " + UUID.randomUUID(), today.minusDays(i % 5), "1", 20,
                    Map.of("pupilsOn", today.toString(), "guardianDelayDays", 0));
            List<Map<String, Object>> marks = new ArrayList<>();
            for (int p = 0; p < w.pupilsA.size(); p++) {
                marks.add(mark(w.pupilsA.get(p), (double) ((p * 3 + i) % 21)));
            }
            World.enter(maths ? w.claire.token() : w.paul.token(), a, marks);
            World.publish(maths ? w.claire.token() : w.paul.token(), a);
        }
    }

    private int statements(String path, int expectedMarks) {
        Response r = as(w.mother().token()).get(path);
        r.then().statusCode(200);
        if (expectedMarks >= 0) {
            assertThat(r.jsonPath().getList("$")).hasSize(expectedMarks);
        }
        return Integer.parseInt(r.header(StatementCountHeader.HEADER));
    }

    @Test
    void the_marks_page_costs_the_same_few_queries_with_4_marks_or_24() {
        String marks = "/api/grades/pupils/" + w.lea().id() + "/marks?periodId=" + w.year;
        publishMarks(4);
        int few = statements(marks, 4);
        publishMarks(20);
        int many = statements(marks, 24);
        assertThat(many).as("statements with 24 marks (4 gave %d)", few).isEqualTo(few);
        assertThat(many).isEqualTo(MARKS_PAGE);
    }

    @Test
    void the_averages_cost_the_same_few_queries_whatever_the_marks_with_or_without_rank() {
        String averages = "/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages";
        publishMarks(4);
        int few = statements(averages, -1);
        publishMarks(12);
        int many = statements(averages, -1);
        assertThat(many).isEqualTo(few).isEqualTo(AVERAGES);

        as(w.cpe.token()).body(Map.of("markStep", 0.25, "roundingStep", 0.01, "roundingMode", "NEAREST",
                "unjustifiedAbsenceCountsAsZero", false, "pupilDelayDays", 1, "guardianDelayDays", 1, "showRank", true)).put("/api/grades/schools/" + w.school + "/settings")
                .then().statusCode(200);
        int ranked = statements(averages, -1);
        publishMarks(4);
        assertThat(statements(averages, -1)).isEqualTo(ranked).isEqualTo(AVERAGES_RANKED);
    }
}
