package fr.ent.notification;

import fr.ent.directory.Directory;
import fr.ent.notification.email.Contacts;
import fr.ent.testservers.TestTokens;
import fr.ent.web.clock.PlatformClock;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What the notification scenarios share: the service's clock on a Tuesday morning (outside quiet
 * hours) during each test, what a {@link Family} needs to be made known, and a guardian's inbox.
 */
abstract class NotificationScenario {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Tuesday morning, outside quiet hours. */
    static final ZonedDateTime TUESDAY_10H = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS);

    @Inject
    Directory directory;
    @Inject
    Contacts contacts;
    @Inject
    PlatformClock clock;

    @BeforeEach
    void tuesdayMorning() {
        clock.set(TUESDAY_10H.toInstant());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static OffsetDateTime at(ZonedDateTime t) {
        return t.toOffsetDateTime();
    }

    static JsonPath inbox(UUID person, UUID school) {
        return given().auth().oauth2(TestTokens.parent(person, school))
                .get("/api/notification/inbox")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitInbox(UUID person, UUID school, int size) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> inbox(person, school),
                j -> j.getList("items").size() >= size);
    }
}
