package fr.ent.homework;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.ServiceSmokeTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class HomeworkSmokeTest extends ServiceSmokeTest {
    @Override
    protected String jsonEndpoint() {
        return EchoTestResource.PATH;
    }
}
