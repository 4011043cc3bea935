package fr.ent.messaging;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.ServiceSmokeTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class MessagingSmokeTest extends ServiceSmokeTest {
    @Override
    protected String jsonEndpoint() {
        return "/api/messaging/folders";
    }

    /** Its document is its own, and every path sits under /api/messaging/, where the gateway sends messaging calls. */
    @Test
    void its_openapi_document_is_its_own_and_keeps_to_its_prefix() {
        openApiDocument()
                .body("info.title", equalTo("messaging-service"))
                .body("paths.keySet()", everyItem(startsWith("/api/messaging/")));
    }
}
