package fr.ent.attendance;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.ServiceSmokeTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Starts, reports UP with its database and Kafka checks, and answers bad input with problem details. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class AttendanceSmokeTest extends ServiceSmokeTest {

    @Override
    protected String jsonEndpoint() {
        return "/api/attendance/registers";
    }
}
