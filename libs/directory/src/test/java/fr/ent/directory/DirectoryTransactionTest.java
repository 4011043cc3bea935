package fr.ent.directory;

import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.ent.testkit.DirectoryEvents.event;
import static fr.ent.testkit.DirectoryEvents.guardianship;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projection writes in the caller's transaction: the consumer's processed-id and the change commit together. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class DirectoryTransactionTest {

    @Inject
    DirectoryProjection projection;

    @Inject
    Directory directory;

    @Test
    void a_change_applied_in_a_transaction_that_rolls_back_leaves_nothing() {
        UUID pupil = UUID.randomUUID(), guardian = UUID.randomUUID();
        GuardianshipUpserted link = guardianship(guardian, pupil, true);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(projection.apply(event(link))).isTrue();
            assertThat(directory.guardiansOf(pupil)).as("visible inside the transaction").containsExactly(guardian);
            throw new IllegalStateException("the consumer's handler failed after the projection");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(directory.guardiansOf(pupil)).isEmpty();
        assertThat(projection.apply(event(link))).as("applied again on redelivery").isTrue();
        assertThat(directory.guardiansOf(pupil)).containsExactly(guardian);
    }
}
