package fr.ent.homework;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.Person;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.S3Resource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.homework.World.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail (libs/audit) as homework writes it: the school side's reads of a pupil's hand-in,
 * its files, a work's hand-in status and archive, and a pupil's list, each with who, which pupil
 * and the request id; the pupil's and their guardians' own reads and refused reads leave nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class AuditTrailTest {

    @Inject
    DirectoryProjection projection;

    World w;
    UUID work;
    String base;
    String file;

    @BeforeEach
    void seed() {
        w = World.create(projection);
        LocalDate today = World.today();
        work = w.setWork("Rédaction", "HAND_IN", today.plusDays(2), 45);
        base = "/api/homework/works/" + work;
        file = World.upload(w.lea.token(), base + "/hand-ins/" + w.lea.id() + "/uploads", "rédaction.pdf", World.PDF, "application/pdf");
        as(w.lea.token()).body(Map.of("fileIds", List.of(file))).put(base + "/hand-ins/" + w.lea.id()).then().statusCode(200);
    }

    @Test
    void the_school_sides_reads_of_a_hand_in_are_recorded_the_familys_own_and_refused_ones_are_not() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        call(w.cpe, run + "-staff").get(base + "/hand-ins/" + w.lea.id()).then().statusCode(200);
        call(w.claire, run + "-file").get(base + "/hand-ins/" + w.lea.id() + "/files/" + file).then().statusCode(200);
        call(w.claire, run + "-status").get(base + "/hand-ins").then().statusCode(200);
        call(w.claire, run + "-zip").get(base + "/hand-ins.zip").then().statusCode(200);
        call(w.lea, run + "-own").get(base + "/hand-ins/" + w.lea.id()).then().statusCode(200);
        call(w.mother, run + "-guardian").get(base + "/hand-ins/" + w.lea.id() + "/files/" + file).then().statusCode(200);
        call(w.hugo, run + "-classmate").get(base + "/hand-ins/" + w.lea.id()).then().statusCode(404);
        call(w.bruno, run + "-other-teacher").get(base + "/hand-ins/" + w.lea.id()).then().statusCode(404);

        List<Map<String, Object>> trail = trail();
        assertThat(of(trail, run + "-staff")).singleElement().satisfies(e -> {
            assertThat(e.get("action")).isEqualTo("homework.hand-in.read");
            assertThat(e.get("pupilId")).isEqualTo(w.lea.id().toString());
            assertThat(e.get("actorPersonId")).isEqualTo(w.cpe.id().toString());
            assertThat(e.get("targetId")).isEqualTo(work.toString());
            assertThat(e.get("schoolId")).isEqualTo(w.school.toString());
        });
        assertThat(of(trail, run + "-file")).singleElement().satisfies(e -> {
            assertThat(e.get("action")).isEqualTo("homework.hand-in.file.read");
            assertThat(e.get("targetId")).isEqualTo(file);
            assertThat(e.get("actorPersonId")).isEqualTo(w.claire.id().toString());
        });
        // the status shows every pupil the work is for: one entry each
        assertThat(of(trail, run + "-status")).extracting(e -> e.get("pupilId"))
                .containsExactlyInAnyOrder(w.lea.id().toString(), w.hugo.id().toString());
        assertThat(of(trail, run + "-status")).allSatisfy(e -> assertThat(e.get("action")).isEqualTo("homework.hand-ins.read"));
        // the archive holds Léa's files only
        assertThat(of(trail, run + "-zip")).singleElement().satisfies(e -> {
            assertThat(e.get("action")).isEqualTo("homework.hand-ins.archive.read");
            assertThat(e.get("pupilId")).isEqualTo(w.lea.id().toString());
        });
        assertThat(of(trail, run + "-own")).isEmpty();
        assertThat(of(trail, run + "-guardian")).isEmpty();
        assertThat(of(trail, run + "-classmate")).isEmpty();
        assertThat(of(trail, run + "-other-teacher")).isEmpty();
    }

    @Test
    void a_teachers_read_of_a_pupils_list_is_recorded_and_only_the_schools_staff_read_the_trail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        call(w.claire, run + "-list").get("/api/homework/pupils/" + w.lea.id() + "/todo").then().statusCode(200);
        call(w.mother, run + "-mother").get("/api/homework/pupils/" + w.lea.id() + "/todo").then().statusCode(200);

        List<Map<String, Object>> trail = trail();
        assertThat(of(trail, run + "-list")).singleElement().satisfies(e -> {
            assertThat(e.get("action")).isEqualTo("homework.list.read");
            assertThat(e.get("actorPersonId")).isEqualTo(w.claire.id().toString());
        });
        assertThat(of(trail, run + "-mother")).isEmpty();

        String path = "/api/homework/schools/" + w.school + "/audit";
        as(w.claire.token()).get(path).then().statusCode(403);
        as(w.otherCpe.token()).get(path).then().statusCode(404);
        as(w.mother.token()).get(path).then().statusCode(403);
    }

    static RequestSpecification call(Person who, String requestId) {
        return as(who.token()).header("X-Request-Id", requestId);
    }

    List<Map<String, Object>> trail() {
        return as(w.cpe.token()).queryParam("size", 200).get("/api/homework/schools/" + w.school + "/audit")
                .then().statusCode(200).extract().path("items");
    }

    static List<Map<String, Object>> of(List<Map<String, Object>> trail, String requestId) {
        return trail.stream().filter(e -> requestId.equals(e.get("requestId"))).toList();
    }
}
