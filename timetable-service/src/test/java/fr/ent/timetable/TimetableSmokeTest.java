package fr.ent.timetable;

import fr.ent.directory.Directory;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.ServiceSmokeTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class TimetableSmokeTest extends ServiceSmokeTest {
    @Override
    protected String jsonEndpoint() {
        return "/api/timetable/schools/" + UUID.randomUUID() + "/rooms";
    }

    @Inject
    Directory directory;

    /** The kit's directory plugs in with the dependency alone: identity's events reach the projection. */
    @Test
    void the_directory_is_fed_from_identity_events_with_the_dependency_alone() {
        SchoolWorld world = new SchoolWorld();
        SchoolWorld.School school = world.school("Collège Jean Moulin");
        UUID classId = school.classGroup("4A", "4e");
        Person teacher = school.teacher("Claire", "Martin");
        school.teaches(teacher, classId, "Mathématiques");
        world.publish();
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.teaches(teacher.id(), classId));
        assertThat(directory.classGroup(classId)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("4A"));
    }

    /** Its document is its own, and every path sits under /api/timetable/, where the gateway sends timetable calls. */
    @Test
    void its_openapi_document_is_its_own_and_keeps_to_its_prefix() {
        openApiDocument()
                .body("info.title", equalTo("timetable-service"))
                .body("paths.keySet()", everyItem(startsWith("/api/timetable/")));
    }
}
