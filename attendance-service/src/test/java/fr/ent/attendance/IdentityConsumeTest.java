package fr.ent.attendance;

import fr.ent.testkit.DirectoryEvents;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The directory is fed from ent.identity through Kafka: a pupil identity-service announces becomes known here. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class IdentityConsumeTest {

    @Test
    void a_pupil_announced_on_ent_identity_can_be_looked_up_by_the_school_staff() {
        UUID school = UUID.randomUUID();
        UUID klass = UUID.randomUUID();
        UUID pupil = UUID.randomUUID();
        UUID cpe = UUID.randomUUID();
        String staff = TestTokens.staff(cpe, school);
        given().auth().oauth2(staff).get("/api/attendance/pupils/" + pupil + "/record").then().statusCode(404);

        DirectoryEvents.send(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                DirectoryEvents.school(school, "Lycée Kafka"),
                DirectoryEvents.classGroup(klass, school, "2nde 3", "2nde"),
                DirectoryEvents.pupil(pupil, school, "Inès", "Durand"),
                DirectoryEvents.enrolment(pupil, school, klass, World.today().minusMonths(2), null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(staff).get("/api/attendance/pupils/" + pupil + "/record")
                        .then().statusCode(200).body("lastName", equalTo("Durand")));
    }
}
