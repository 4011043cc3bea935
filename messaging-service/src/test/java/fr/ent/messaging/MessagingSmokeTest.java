package fr.ent.messaging;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.ServiceSmokeTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class MessagingSmokeTest extends ServiceSmokeTest {
    @Override
    protected String jsonEndpoint() {
        return EchoTestResource.PATH;
    }
}
