package fr.ent.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class KafkaHealthTest {

    @TestHTTPResource("/q/health/group/dependencies")
    URI dependencies;

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @Test
    void the_dependencies_group_reports_kafka_and_readiness_does_not_depend_on_it() throws Exception {
        List<JsonNode> kafka = kafkaChecks(dependencies);
        assertThat(kafka).as("the check named kafka in the dependencies group").hasSize(1);
        assertThat(kafka.get(0).path("status").asText()).isEqualTo("UP");
        assertThat(kafka.get(0).path("data").path("nodes").asInt()).isEqualTo(1);
        assertThat(kafkaChecks(ready)).as("kafka among the readiness checks").isEmpty();
    }

    /** The checks named kafka in a health document. */
    static List<JsonNode> kafkaChecks(URI health) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(health).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = EventJson.MAPPER.readTree(response.body());
        List<JsonNode> kafka = new ArrayList<>();
        body.path("checks").forEach(check -> {
            if ("kafka".equals(check.path("name").asText())) {
                kafka.add(check);
            }
        });
        return kafka;
    }
}
