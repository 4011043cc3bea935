package fr.ent.attendance;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.ServiceSmokeTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/** Starts, reports UP with its database and Kafka checks, and answers bad input with problem details. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AttendanceSmokeTest extends ServiceSmokeTest {

    @Override
    protected String jsonEndpoint() {
        return "/api/attendance/registers";
    }

    /** Its document is its own, and every path sits under /api/attendance/, where the gateway sends attendance calls. */
    @Test
    void its_openapi_document_is_its_own_and_keeps_to_its_prefix() {
        openApiDocument()
                .body("info.title", equalTo("attendance-service"))
                .body("paths.keySet()", everyItem(startsWith("/api/attendance/")))
                .body("paths.keySet()", hasItems("/api/attendance/registers", "/api/attendance/absences",
                        "/api/attendance/pupils/{pupilId}/record", "/api/attendance/entries/{entryId}/justifications"));
    }
}
