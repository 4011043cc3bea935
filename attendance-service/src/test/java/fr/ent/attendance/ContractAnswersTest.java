package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static fr.ent.attendance.World.as;
import static fr.ent.testservers.ContractAnswers.keep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real answers (a create, lists, a pupil's record with its month) kept for contract-tests, which
 * decodes them with the Java client generated from this service's OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class ContractAnswersTest {

    @Inject
    DirectoryProjection projection;

    @Test
    void a_pupils_record_and_what_staff_record_are_kept_for_the_generated_clients() {
        World w = World.create(projection, 2);
        String reasonId = keep("create", as(w.cpeToken())
                .body(Map.of("code", "MALADIE", "label", "Maladie", "justifying", true, "confidential", false))
                .post("/api/attendance/schools/" + w.school + "/reasons"))
                .then().statusCode(201).extract().path("id");
        LocalDate day = World.today();
        keep("absence", as(w.cpeToken())
                .body(Map.of("pupilId", w.pupil(0), "startsAt", day + "T08:00:00", "endsAt", day + "T10:00:00",
                        "reasonId", reasonId))
                .post("/api/attendance/absences")).then().statusCode(201);
        keep("lateness", as(w.cpeToken())
                .body(Map.of("pupilId", w.pupil(1), "startsAt", day + "T09:00", "lateMinutes", 10))
                .post("/api/attendance/latenesses")).then().statusCode(201);
        // A validation problem, with errors[] naming the field
        keep("absence", as(w.cpeToken())
                .body(Map.of("pupilId", w.pupil(1), "startsAt", day + "T14:00"))
                .post("/api/attendance/absences")).then().statusCode(400);

        String month = keep("record", as(w.guardianToken(0)).get("/api/attendance/pupils/" + w.pupil(0) + "/record"))
                .then().statusCode(200).extract().path("month");
        assertThat(month).matches("\\d{4}-\\d{2}");
        keep("listReason", as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/reasons")).then().statusCode(200);
        keep("schoolDay", as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/day?date=" + day)).then().statusCode(200);
        keep("classMonth", as(w.cpeToken()).get("/api/attendance/classes/" + w.classA + "/stats?month=" + World.thisMonth()))
                .then().statusCode(200);
        keep("get", as(w.cpeToken()).get("/api/attendance/registers/00000000-0000-0000-0000-000000000000")).then().statusCode(404);
    }
}
