package fr.ent.directory;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.ent.testkit.DirectoryEvents.classGroup;
import static fr.ent.testkit.DirectoryEvents.ended;
import static fr.ent.testkit.DirectoryEvents.enrolment;
import static fr.ent.testkit.DirectoryEvents.guardianship;
import static fr.ent.testkit.DirectoryEvents.parent;
import static fr.ent.testkit.DirectoryEvents.pupil;
import static fr.ent.testkit.DirectoryEvents.school;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Identity events through real Kafka, the idempotent consumer and the projection. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class DirectoryConsumePathTest {

    @Inject
    Directory directory;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void identity_events_on_kafka_reach_the_directory_once() {
        UUID schoolId = UUID.randomUUID(), pupil = UUID.randomUUID(), mother = UUID.randomUUID(), classId = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        GuardianshipUpserted motherLink = guardianship(mother, pupil, true);
        List<IncomingEvent> sent = DirectoryEvents.send(bootstrapServers,
                school(schoolId, "Collège Jean Moulin"), pupil(pupil, schoolId, "Lina", "Moreau"),
                parent(mother, "Nadia", "Moreau", schoolId), classGroup(classId, schoolId, "3e C", "3EME"),
                enrolment(pupil, schoolId, classId, today.minusMonths(1), null), motherLink);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(directory.guardiansReceivingCommunications(pupil)).containsExactly(mother);
            assertThat(directory.pupilsOf(classId, today)).containsExactly(pupil);
            assertThat(directory.school(schoolId)).isPresent();
        });

        // Kafka redelivers everything, then the guardianship ends: only the end changes anything.
        DirectoryEvents.sendEvents(bootstrapServers, sent);
        DirectoryEvents.send(bootstrapServers, ended(motherLink));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(directory.guardiansOf(pupil)).isEmpty());
        assertThat(directory.pupilsOf(classId, today)).containsExactly(pupil);
        assertThat(directory.person(pupil).orElseThrow().firstName()).isEqualTo("Lina");
    }
}
