package fr.ent.grades;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.grades.World.as;
import static fr.ent.grades.World.mark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Claire publishes maths marks of 4A: Léa sees them the next day, her parents the day after, never
 * earlier; averages, their explanation, the "what if", the evolution and the class's statistics
 * match the hand-computed figures; a changed mark keeps its history and is announced again.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class MarksToFamiliesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate today;
    UUID controle;
    UUID interro;
    UUID dm;
    UUID dictee;

    @BeforeEach
    void seed() {
        w = World.create(projection, 3).withYear();
        today = World.today();
        as(w.cpe.token()).body(Map.of("coefficients", Map.of("MATHS", 3, "FRANCAIS", 2)))
                .put("/api/grades/classes/" + w.classA + "/subject-coefficients").then().statusCode(200);
        // Contrôle ×2 on 10: Léa 8 (16/20), Hugo absent, Emma did not hand in
        controle = World.assessment(w.claire.token(), w.classA, "MATHS", "Contrôle fractions", today.minusDays(2), "2", 10, Map.of());
        World.enter(w.claire.token(), controle, List.of(mark(w.lea(), 8), mark(w.pupilsA.get(1), "ABSENT"),
                mark(w.pupilsA.get(2), "NOT_HANDED_IN")));
        // Interrogation ×1 on 20: Léa 14, Hugo 12.5, Emma 7
        interro = World.assessment(w.claire.token(), w.classA, "MATHS", "Interrogation", today.minusDays(1), "1", 20, Map.of());
        World.enter(w.claire.token(), interro, List.of(mark(w.lea(), 14), mark(w.pupilsA.get(1), 12.5), mark(w.pupilsA.get(2), 7)));
        // optional homework: Léa 11, which would not raise her 15.33
        dm = World.assessment(w.claire.token(), w.classA, "MATHS", "DM facultatif", today, "1", 20, Map.of("optional", true));
        World.enter(w.claire.token(), dm, List.of(mark(w.lea(), 11)));
        // Paul's dictation: Léa 12
        dictee = World.assessment(w.paul.token(), w.classA, "FRANCAIS", "Dictée", today, "1", 20, Map.of());
        World.enter(w.paul.token(), dictee, List.of(mark(w.lea(), 12)));
        for (UUID a : List.of(controle, interro, dm)) {
            World.publish(w.claire.token(), a);
        }
        World.publish(w.paul.token(), dictee);
    }

    @AfterEach
    void resetClock() {
        World.at(today, 10, 30);
    }

    @Test
    void lea_sees_her_marks_the_next_day_and_her_parents_the_day_after_never_earlier() {
        // published today at 10:30: the times are tomorrow 00:00 for pupils, the day after for guardians
        as(w.claire.token()).get("/api/grades/assessments/" + controle).then().statusCode(200)
                .body("pupilsVisibleAt", equalTo(today.plusDays(1).atStartOfDay(PARIS).toInstant().toString()))
                .body("guardiansVisibleAt", equalTo(today.plusDays(2).atStartOfDay(PARIS).toInstant().toString()));

        // today: nothing for Léa, nothing for her parents
        as(w.lea().token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().statusCode(200).body("$", empty());
        as(w.lea().token()).get("/api/grades/assessments/" + controle).then().statusCode(404);

        // tomorrow just before midnight is still today
        World.at(today, 23, 59);
        as(w.lea().token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().body("$", empty());

        World.at(today.plusDays(1), 0, 0);
        as(w.lea().token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().statusCode(200)
                .body("$", hasSize(4)).body("find { it.assessment.id == '" + controle + "' }.value", equalTo(8.0f))
                .body("find { it.assessment.id == '" + controle + "' }.outOf20", equalTo(16.0f));
        as(w.lea().token()).get("/api/grades/assessments/" + controle).then().statusCode(200);
        // her classmates' marks are not hers: Hugo's list is not Léa's to read
        as(w.lea().token()).get("/api/grades/pupils/" + w.pupilsA.get(1).id() + "/marks").then().statusCode(404);
        for (var guardian : List.of(w.mother(), w.father)) {
            as(guardian.token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().statusCode(200).body("$", empty());
            as(guardian.token()).get("/api/grades/assessments/" + controle).then().statusCode(404);
            as(guardian.token()).get("/api/grades/assessments/" + controle + "/statistics").then().statusCode(404);
            as(guardian.token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages").then()
                    .statusCode(200).body("subjects", empty()).body("general.average", nullValue());
        }

        World.at(today.plusDays(2), 0, 0);
        for (var guardian : List.of(w.mother(), w.father)) {
            as(guardian.token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().body("$", hasSize(4));
            as(guardian.token()).get("/api/grades/assessments/" + controle).then().statusCode(200);
        }
        // another family never
        as(w.guardiansA.get(1).token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().statusCode(404);
        as(w.guardiansA.get(1).token()).get("/api/grades/assessments/" + dictee).then().statusCode(404);
    }

    @Test
    void the_publication_announces_the_times_and_no_mark() {
        TopicReader.Event e = TopicReader.await("ent.grades", controle, "fr.ent.grades.marks-published.v1", 1).get(0);
        assertThat(e.schoolId()).isEqualTo(w.school.toString());
        assertThat(e.data().path("subject").asText()).isEqualTo("MATHS");
        assertThat(e.data().path("pupilIds")).hasSize(3);
        assertThat(OffsetDateTime.parse(e.data().path("pupilsVisibleAt").asText()).toInstant())
                .isEqualTo(today.plusDays(1).atStartOfDay(PARIS).toInstant());
        assertThat(OffsetDateTime.parse(e.data().path("guardiansVisibleAt").asText()).toInstant())
                .isEqualTo(today.plusDays(2).atStartOfDay(PARIS).toInstant());
        // the title names the assessment in the families' notices; never a mark
        assertThat(e.data().path("title").asText()).isEqualTo("Contrôle fractions");
        assertThat(e.value()).doesNotContain("\"value\"").doesNotContain("outOf20");
        // publishing again changes nothing and announces nothing
        World.publish(w.claire.token(), controle);
        assertThat(TopicReader.read("ent.grades", controle)).hasSize(1);
    }

    @Test
    void an_assessment_can_show_its_marks_the_same_day_to_everyone() {
        UUID now = World.assessment(w.claire.token(), w.classA, "MATHS", "Correction en classe", today, "1", 20,
                Map.of("pupilsOn", today.toString(), "guardianDelayDays", 0));
        World.enter(w.claire.token(), now, List.of(mark(w.lea(), 17)));
        World.publish(w.claire.token(), now);
        as(w.lea().token()).get("/api/grades/assessments/" + now).then().statusCode(200);
        as(w.mother().token()).get("/api/grades/assessments/" + now).then().statusCode(200);
        // and the others still wait
        as(w.mother().token()).get("/api/grades/assessments/" + controle).then().statusCode(404);
    }

    @Test
    void averages_and_their_explanation_match_the_hand_computed_ones() {
        World.at(today.plusDays(1), 8, 0);
        JsonPath averages = as(w.lea().token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages")
                .then().statusCode(200).extract().jsonPath();
        // MATHS: (16 × 2 + 14 × 1) / 3 = 15.33; the optional 11 would not raise it
        assertThat(averages.getFloat("subjects.find { it.subject == 'MATHS' }.average")).isEqualTo(15.33f);
        assertThat(averages.getList("subjects.find { it.subject == 'MATHS' }.contributions.rule", String.class))
                .containsExactly("COUNTED", "COUNTED", "OPTIONAL_WOULD_NOT_RAISE");
        assertThat(averages.getList("subjects.find { it.subject == 'MATHS' }.contributions.title", String.class))
                .containsExactly("Contrôle fractions", "Interrogation", "DM facultatif");
        assertThat(averages.getFloat("subjects.find { it.subject == 'FRANCAIS' }.average")).isEqualTo(12.0f);
        // general: (15.33 × 3 + 12 × 2) / 5 = 13.998 → 14.00
        assertThat(averages.getFloat("general.average")).isEqualTo(14.0f);
        assertThat(averages.getFloat("general.parts.find { it.subject == 'MATHS' }.coefficient")).isEqualTo(3.0f);

        // Hugo: absent (not counted) then 12.5 → 12.50; Emma: not handed in (0 × 2) then 7 → 7 / 3 = 2.33
        as(w.cpe.token()).get("/api/grades/pupils/" + w.pupilsA.get(1).id() + "/periods/" + w.year + "/averages").then()
                .body("subjects.find { it.subject == 'MATHS' }.average", equalTo(12.5f));
        as(w.cpe.token()).get("/api/grades/pupils/" + w.pupilsA.get(2).id() + "/periods/" + w.year + "/averages").then()
                .body("subjects.find { it.subject == 'MATHS' }.average", equalTo(2.33f));

        // the class: MATHS averages 15.33, 12.50, 2.33 → mean 10.05, median 12.50
        as(w.claire.token()).get("/api/grades/classes/" + w.classA + "/periods/" + w.year + "/statistics").then().statusCode(200)
                .body("pupils", equalTo(3))
                .body("subjects.find { it.subject == 'MATHS' }.averages.mean", equalTo(10.05f))
                .body("subjects.find { it.subject == 'MATHS' }.averages.median", equalTo(12.5f))
                .body("subjects.find { it.subject == 'MATHS' }.averages.min", equalTo(2.33f))
                .body("subjects.find { it.subject == 'MATHS' }.averages.max", equalTo(15.33f));
        // one assessment: 14, 12.5, 7 on 20 → mean 11.17, median 12.5; the distribution has the three
        as(w.lea().token()).get("/api/grades/assessments/" + interro + "/statistics").then().statusCode(200)
                .body("marks.mean", equalTo(11.17f)).body("marks.median", equalTo(12.5f))
                .body("marks.distribution.count.sum()", equalTo(3));
        as(w.claire.token()).get("/api/grades/assessments/" + controle + "/statistics").then()
                .body("marks.count", equalTo(1)).body("markers.ABSENT", equalTo(1)).body("markers.NOT_HANDED_IN", equalTo(1));
    }

    @Test
    void no_rank_unless_the_school_turns_it_on_then_equal_averages_share_a_rank() {
        // Paul's dictation for everyone: Léa 12, Hugo 12, Emma 10 (a change after publication)
        World.enter(w.paul.token(), dictee, List.of(mark(w.lea(), 12), mark(w.pupilsA.get(1), 12), mark(w.pupilsA.get(2), 10)));
        String leas = "/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages";
        as(w.cpe.token()).get(leas).then().statusCode(200).body("rank", nullValue());
        as(w.cpe.token()).body(Map.of("markStep", 0.25, "roundingStep", 0.01, "roundingMode", "NEAREST",
                "unjustifiedAbsenceCountsAsZero", false, "pupilDelayDays", 1, "guardianDelayDays", 1, "showRank", true))
                .put("/api/grades/schools/" + w.school + "/settings").then().statusCode(200).body("showRank", equalTo(true));
        // MATHS: Léa 15.33, Hugo 12.50, Emma 2.33; FRANCAIS: Léa 12, Hugo 12, Emma 10;
        // general: Léa 14.00, Hugo (12.5 × 3 + 12 × 2) / 5 = 12.30, Emma (2.33 × 3 + 10 × 2) / 5 = 5.40
        as(w.cpe.token()).get(leas).then().statusCode(200)
                .body("rank.classGroupId", equalTo(w.classA.toString()))
                .body("rank.subjects.MATHS.rank", equalTo(1)).body("rank.subjects.MATHS.outOf", equalTo(3))
                .body("rank.subjects.FRANCAIS.rank", equalTo(1)).body("rank.general.rank", equalTo(1))
                .body("rank.general.outOf", equalTo(3));
        as(w.cpe.token()).get("/api/grades/pupils/" + w.pupilsA.get(1).id() + "/periods/" + w.year + "/averages").then()
                .body("rank.subjects.MATHS.rank", equalTo(2)).body("rank.subjects.FRANCAIS.rank", equalTo(1))
                .body("rank.general.rank", equalTo(2));
        as(w.cpe.token()).get("/api/grades/pupils/" + w.pupilsA.get(2).id() + "/periods/" + w.year + "/averages").then()
                .body("rank.subjects.MATHS.rank", equalTo(3)).body("rank.subjects.FRANCAIS.rank", equalTo(3))
                .body("rank.general.rank", equalTo(3));
        // Léa the next day: the same ranks, from what she sees; her mother sees nothing yet, so no rank either
        World.at(today.plusDays(1), 8, 0);
        as(w.lea().token()).get(leas).then().statusCode(200)
                .body("rank.subjects.FRANCAIS.rank", equalTo(1)).body("rank.subjects.FRANCAIS.outOf", equalTo(3))
                .body("rank.general.rank", equalTo(1));
        as(w.mother().token()).get(leas).then().statusCode(200)
                .body("rank.subjects.size()", equalTo(0)).body("rank.general", nullValue());
        // a what-if is never ranked
        as(w.lea().token()).body(Map.of("hypotheses", List.of(Map.of("subject", "MATHS", "coefficient", 1, "value", 20))))
                .post("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/what-if").then().statusCode(200)
                .body("rank", nullValue());
    }

    @Test
    void what_if_uses_the_same_rules_and_stores_nothing() {
        World.at(today.plusDays(1), 8, 0);
        String base = "/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year;
        // 20 instead of 14 at the Interrogation, and a coming test ×2 at 20:
        // MATHS (32 + 20 + 40) / 5 = 18.40; general (18.4 × 3 + 12 × 2) / 5 = 15.84
        as(w.lea().token()).body(Map.of("hypotheses", List.of(
                        Map.of("assessmentId", interro.toString(), "value", 20),
                        Map.of("subject", "MATHS", "coefficient", 2, "value", 20))))
                .post(base + "/what-if").then().statusCode(200)
                .body("hypothetical", equalTo(true))
                .body("subjects.find { it.subject == 'MATHS' }.average", equalTo(18.4f))
                .body("general.average", equalTo(15.84f));
        as(w.lea().token()).get(base + "/averages").then().body("general.average", equalTo(14.0f))
                .body("subjects.find { it.subject == 'MATHS' }.average", equalTo(15.33f));
        // a hypothesis above its scale is refused like a real mark
        as(w.lea().token()).body(Map.of("hypotheses", List.of(Map.of("subject", "MATHS", "coefficient", 1, "scale", 10, "value", 11))))
                .post(base + "/what-if").then().statusCode(400);
        // an assessment Léa's mother cannot see yet is unknown to her "what if"
        as(w.mother().token()).body(Map.of("hypotheses", List.of(Map.of("assessmentId", interro.toString(), "value", 20))))
                .post(base + "/what-if").then().statusCode(400);
    }

    @Test
    void the_evolution_is_each_mark_with_the_average_after_it() {
        World.at(today.plusDays(1), 8, 0);
        JsonPath evolution = as(w.lea().token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/evolution")
                .then().statusCode(200).extract().jsonPath();
        assertThat(evolution.getList("subjects.find { it.subject == 'MATHS' }.points.outOf20", Float.class))
                .containsExactly(16.0f, 14.0f, 11.0f);
        assertThat(evolution.getList("subjects.find { it.subject == 'MATHS' }.points.averageAfter", Float.class))
                .containsExactly(16.0f, 15.33f, 15.33f);
    }

    @Test
    void a_published_mark_that_changes_keeps_its_history_and_is_announced_again() {
        World.at(today.plusDays(1), 9, 0);
        World.enter(w.claire.token(), interro, List.of(mark(w.lea(), 15), mark(w.pupilsA.get(1), 12.5), mark(w.pupilsA.get(2), 7)));
        as(w.claire.token()).get("/api/grades/assessments/" + interro + "/marks/" + w.lea().id() + "/history").then()
                .statusCode(200).body("current.value", equalTo(15.0f))
                .body("previous", hasSize(1)).body("previous[0].value", equalTo(14.0f));
        // only Léa's changed
        as(w.claire.token()).get("/api/grades/assessments/" + interro + "/marks/" + w.pupilsA.get(1).id() + "/history").then()
                .statusCode(200).body("previous", empty());
        TopicReader.Event changed = TopicReader.await("ent.grades", interro, "fr.ent.grades.mark-changed.v1", 1).get(0);
        assertThat(changed.data().path("title").asText()).isEqualTo("Interrogation");
        assertThat(changed.data().path("pupilId").asText()).isEqualTo(w.lea().id().toString());
        // guardians still wait for the day after publication
        assertThat(OffsetDateTime.parse(changed.data().path("guardiansVisibleAt").asText()).toInstant())
                .isEqualTo(today.plusDays(2).atStartOfDay(PARIS).toInstant());
        // Léa's new average: (32 + 15) / 3 = 15.67
        as(w.lea().token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages").then()
                .body("subjects.find { it.subject == 'MATHS' }.average", equalTo(15.67f));
        // the same marks again change nothing and announce nothing
        World.enter(w.claire.token(), interro, List.of(mark(w.lea(), 15), mark(w.pupilsA.get(1), 12.5), mark(w.pupilsA.get(2), 7)));
        assertThat(TopicReader.read("ent.grades", interro).stream().filter(e -> e.type().endsWith("mark-changed.v1"))).hasSize(1);
    }

    @Test
    void skills_are_rated_beside_or_instead_of_a_mark_and_never_enter_an_average() {
        UUID oral = World.assessment(w.claire.token(), w.classA, "MATHS", "Exposé", today, "1", 20,
                Map.of("skills", List.of("D1.3", "D2"), "pupilsOn", today.toString(), "guardianDelayDays", 0));
        World.enter(w.claire.token(), oral, List.of(
                Map.of("pupilId", w.lea().id().toString(), "skills", Map.of("D1.3", "VERY_GOOD", "D2", "FRAGILE")),
                Map.of("pupilId", w.pupilsA.get(1).id().toString(), "value", 9, "skills", Map.of("D1.3", "INSUFFICIENT"))));
        World.publish(w.claire.token(), oral);
        as(w.mother().token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().statusCode(200)
                .body("find { it.assessment.id == '" + oral + "' }.skills.'D1.3'", equalTo("VERY_GOOD"))
                .body("find { it.assessment.id == '" + oral + "' }.value", nullValue());
        World.at(today.plusDays(1), 8, 0);
        // Léa's maths average is still (16 × 2 + 14) / 3: a rating without a mark is shown, not counted
        as(w.lea().token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages").then()
                .body("subjects.find { it.subject == 'MATHS' }.average", equalTo(15.33f))
                .body("subjects.find { it.subject == 'MATHS' }.contributions.find { it.assessmentId == '" + oral + "' }.rule",
                        equalTo("NO_MARK"));
    }

    @Test
    void entering_and_reading_marks_is_in_the_schools_audit_trail() {
        as(w.cpe.token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages").then().statusCode(200);
        JsonPath trail = as(w.cpe.token()).queryParam("pupilId", w.lea().id().toString())
                .get("/api/grades/schools/" + w.school + "/audit").then().statusCode(200).extract().jsonPath();
        assertThat(trail.getList("items.action", String.class)).contains("grades.mark.enter", "grades.pupil.averages");
        assertThat(trail.getList("items.findAll { it.action == 'grades.mark.enter' }.actorPersonId", String.class))
                .contains(w.claire.id().toString(), w.paul.id().toString());
    }

    @Test
    void a_teacher_reads_the_marks_of_their_subjects_and_the_averages_of_their_classes() {
        // Paul teaches French to 4A: his dictation, not Claire's maths marks...
        as(w.paul.token()).get("/api/grades/classes/" + w.classA + "/assessments").then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.everyItem(equalTo("FRANCAIS"))).body("$", hasSize(1));
        as(w.paul.token()).get("/api/grades/pupils/" + w.lea().id() + "/marks").then().statusCode(200)
                .body("assessment.subject", org.hamcrest.Matchers.contains("FRANCAIS"));
        as(w.paul.token()).get("/api/grades/assessments/" + controle + "/marks").then().statusCode(404);
        // ...but Léa's averages in every subject, and the class's
        as(w.paul.token()).get("/api/grades/pupils/" + w.lea().id() + "/periods/" + w.year + "/averages").then().statusCode(200)
                .body("subjects.subject", org.hamcrest.Matchers.contains("FRANCAIS", "MATHS"));
        as(w.paul.token()).get("/api/grades/classes/" + w.classA + "/periods/" + w.year + "/statistics").then().statusCode(200);
        // the staff read everything
        as(w.cpe.token()).get("/api/grades/classes/" + w.classA + "/assessments").then().body("$", hasSize(4));
    }
}
