package fr.ent.directory.relationships;

import fr.ent.directory.DirectoryProjection;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.testkit.DirectoryEvents.classGroup;
import static fr.ent.testkit.DirectoryEvents.enrolment;
import static fr.ent.testkit.DirectoryEvents.event;
import static fr.ent.testkit.DirectoryEvents.guardianship;
import static fr.ent.testkit.DirectoryEvents.inspector;
import static fr.ent.testkit.DirectoryEvents.parent;
import static fr.ent.testkit.DirectoryEvents.pupil;
import static fr.ent.testkit.DirectoryEvents.school;
import static fr.ent.testkit.DirectoryEvents.staff;
import static fr.ent.testkit.DirectoryEvents.teacher;
import static fr.ent.testkit.DirectoryEvents.teaching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relationship question, asked by every kind of caller, both ways: what must be granted is,
 * what must not be is not. Two schools; Léa in 4A of the first with a mother who receives
 * communications and a father who does not; Inès in 6A of the second, also Nadia's daughter, whose
 * son Yanis is in 4A.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class RelationshipsTest {

    @Inject
    DirectoryProjection projection;

    @Inject
    SchoolClock clock;

    final UUID moulin = UUID.randomUUID(), hugo = UUID.randomUUID();
    final UUID fourA = UUID.randomUUID(), fourB = UUID.randomUUID(), sixA = UUID.randomUUID();
    final UUID lea = UUID.randomUUID(), yanis = UUID.randomUUID(), ines = UUID.randomUUID(), tom = UUID.randomUUID();
    final UUID mother = UUID.randomUUID(), father = UUID.randomUUID(), nadia = UUID.randomUUID();
    final UUID teacherA = UUID.randomUUID(), teacherB = UUID.randomUUID(), cpe = UUID.randomUUID(), otherCpe = UUID.randomUUID();
    final UUID helene = UUID.randomUUID();

    @BeforeEach
    void seed() {
        LocalDate start = clock.today().minusMonths(3);
        List<IdentityEvent> events = List.of(
                school(moulin, "Collège Jean Moulin"), school(hugo, "Collège Victor Hugo"),
                classGroup(fourA, moulin, "4A", "4e"), classGroup(fourB, moulin, "4B", "4e"), classGroup(sixA, hugo, "6A", "6e"),
                pupil(lea, moulin, "Léa", "Dubois"), pupil(yanis, moulin, "Yanis", "Haddad"),
                pupil(ines, hugo, "Inès", "Haddad"), pupil(tom, moulin, "Tom", "Martin"),
                enrolment(lea, moulin, fourA, start, null), enrolment(yanis, moulin, fourA, start, null),
                enrolment(ines, hugo, sixA, start, null), enrolment(tom, moulin, fourB, start, null),
                parent(mother, "Sophie", "Dubois", moulin), parent(father, "Marc", "Dubois", moulin),
                parent(nadia, "Nadia", "Haddad", moulin, hugo),
                guardianship(mother, lea, true), guardianship(father, lea, false),
                guardianship(nadia, yanis, true), guardianship(nadia, ines, true),
                teacher(teacherA, "Claire", "Martin", moulin), teaching(teacherA, moulin, fourA, "Mathématiques"),
                teacher(teacherB, "Julien", "Noël", moulin), teaching(teacherB, moulin, fourB, "Histoire"),
                staff(cpe, "Karim", "Benali", moulin), staff(otherCpe, "Olivier", "Cpe", hugo),
                inspector(helene, "Hélène", "Garnier", moulin));
        QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> projection.apply(event(e))));
    }

    record Caller(String name, String token) {
    }

    @Test
    void every_question_as_every_caller_both_ways() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("Léa", TestTokens.pupil(lea, moulin));
        callers.put("her mother", TestTokens.parent(mother, moulin));
        callers.put("her father (no communications)", TestTokens.parent(father, moulin));
        callers.put("Nadia (children in two schools)", TestTokens.person(nadia).roles("parent").schools(moulin, hugo).sign());
        callers.put("teacher of 4A", TestTokens.teacher(teacherA, moulin));
        callers.put("teacher of 4B", TestTokens.teacher(teacherB, moulin));
        callers.put("teacher of 4A with a forged school", TestTokens.teacher(teacherA, hugo));
        callers.put("CPE of Moulin", TestTokens.staff(cpe, moulin));
        callers.put("CPE of Hugo", TestTokens.staff(otherCpe, hugo));
        callers.put("Moulin's integration", TestTokens.integration("moulin-sis", moulin));
        callers.put("platform admin", TestTokens.platformAdmin());
        callers.put("nobody", null);

        // question, subject -> expected answer per caller, in the order above
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("staffOf moulin", List.of("false", "false", "false", "false", "false", "false", "false", "true", "false", "false", "true", "false"));
        expected.put("readsAsStaffOf moulin", List.of("false", "false", "false", "false", "false", "false", "false", "true", "false", "true", "true", "false"));
        expected.put("memberOf moulin", List.of("true", "true", "true", "true", "true", "true", "false", "true", "false", "true", "true", "false"));
        expected.put("memberOf hugo", List.of("false", "false", "false", "true", "false", "false", "true", "false", "true", "false", "true", "false"));
        expected.put("teaches fourA", List.of("false", "false", "false", "false", "true", "false", "false", "false", "false", "false", "false", "false"));
        expected.put("teachesPupil lea", List.of("false", "false", "false", "false", "true", "false", "false", "false", "false", "false", "false", "false"));
        expected.put("teachesPupil tom", List.of("false", "false", "false", "false", "false", "true", "false", "false", "false", "false", "false", "false"));
        expected.put("guardianOf lea", List.of("false", "true", "true", "false", "false", "false", "false", "false", "false", "false", "false", "false"));
        expected.put("receivesCommunications lea", List.of("false", "true", "false", "false", "false", "false", "false", "false", "false", "false", "false", "false"));
        expected.put("guardianOf ines", List.of("false", "false", "false", "true", "false", "false", "false", "false", "false", "false", "false", "false"));
        expected.put("viewerOf lea", List.of("FAMILY", "FAMILY", "FAMILY", "NONE", "SCHOOL", "NONE", "NONE", "SCHOOL", "NONE", "SCHOOL", "SCHOOL", "NONE"));
        expected.put("viewerOf ines", List.of("NONE", "NONE", "NONE", "FAMILY", "NONE", "NONE", "NONE", "NONE", "SCHOOL", "NONE", "SCHOOL", "NONE"));

        Map<String, UUID> ids = Map.of("moulin", moulin, "hugo", hugo, "fourA", fourA, "lea", lea, "tom", tom, "ines", ines);
        Map<String, String> wrong = new LinkedHashMap<>();
        List<String> names = List.copyOf(callers.keySet());
        expected.forEach((question, answers) -> {
            String[] q = question.split(" ");
            for (int i = 0; i < names.size(); i++) {
                String token = callers.get(names.get(i));
                var request = token == null ? given() : given().auth().oauth2(token);
                String got = request.get("/probe/" + q[0] + "/" + ids.get(q[1])).then().statusCode(200).extract().asString();
                if (!got.equals(answers.get(i))) {
                    wrong.put(names.get(i) + ": " + question, "got " + got + ", want " + answers.get(i));
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /**
     * An inspector of Moulin is that, and nothing else: not staff, not a member, no reader of a class
     * or a pupil (each service grants them what it chooses to through isInspectorOf). No one else is
     * an inspector, and a school the directory does not know is nobody's.
     */
    @Test
    void an_inspector_is_inspector_of_their_schools_and_nothing_more() {
        String ofMoulin = TestTokens.inspector(helene, moulin);
        UUID unknownSchool = UUID.randomUUID();
        String ofUnknown = TestTokens.inspector(helene, unknownSchool);
        Map<String, String> asked = new LinkedHashMap<>();
        for (String question : List.of("inspectorOf moulin", "inspectorOf hugo", "staffOf moulin", "readsAsStaffOf moulin",
                "memberOf moulin", "teaches fourA", "teachesPupil lea", "guardianOf lea", "viewerOf lea")) {
            String[] q = question.split(" ");
            UUID id = Map.of("moulin", moulin, "hugo", hugo, "fourA", fourA, "lea", lea).get(q[1]);
            asked.put(question, given().auth().oauth2(ofMoulin).get("/probe/" + q[0] + "/" + id).then().statusCode(200).extract().asString());
        }
        assertThat(asked).containsExactly(Map.entry("inspectorOf moulin", "true"), Map.entry("inspectorOf hugo", "false"),
                Map.entry("staffOf moulin", "false"), Map.entry("readsAsStaffOf moulin", "false"),
                Map.entry("memberOf moulin", "false"), Map.entry("teaches fourA", "false"),
                Map.entry("teachesPupil lea", "false"), Map.entry("guardianOf lea", "false"), Map.entry("viewerOf lea", "NONE"));
        given().auth().oauth2(ofUnknown).get("/probe/inspectorOf/" + unknownSchool).then().body(org.hamcrest.Matchers.equalTo("false"));
        given().auth().oauth2(ofMoulin).get("/probe/require-reader/" + lea).then().statusCode(404);
        for (String other : List.of(TestTokens.staff(cpe, moulin), TestTokens.teacher(teacherA, moulin), TestTokens.platformAdmin(),
                TestTokens.integration("moulin-sis", moulin), TestTokens.pupil(lea, moulin))) {
            given().auth().oauth2(other).get("/probe/inspectorOf/" + moulin).then().body(org.hamcrest.Matchers.equalTo("false"));
        }
        given().get("/probe/inspectorOf/" + moulin).then().body(org.hamcrest.Matchers.equalTo("false"));
    }

    @Test
    void what_is_not_yours_is_a_404_that_looks_like_what_does_not_exist() {
        String hugosCpe = TestTokens.staff(otherCpe, hugo);
        var notYours = given().auth().oauth2(hugosCpe).get("/probe/require-reader/" + lea).then().statusCode(404).extract();
        var unknown = given().auth().oauth2(hugosCpe).get("/probe/require-reader/" + UUID.randomUUID()).then().statusCode(404).extract();
        assertThat(notYours.contentType()).startsWith("application/problem+json");
        assertThat(notYours.jsonPath().getString("detail")).isEqualTo(unknown.jsonPath().getString("detail"));
        assertThat(notYours.jsonPath().getString("type")).isEqualTo(unknown.jsonPath().getString("type"));
        given().auth().oauth2(TestTokens.staff(cpe, moulin)).get("/probe/require-reader/" + lea).then().statusCode(200);
    }
}
