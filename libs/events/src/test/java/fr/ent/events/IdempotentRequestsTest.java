package fr.ent.events;

import fr.ent.testservers.PostgresAndKafka;
import fr.ent.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A retried command is safe: the first answer comes back typed, nothing is done twice. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class IdempotentRequestsTest {

    record Marks(UUID register, List<String> statuses) {
    }

    record Answer(UUID id, int marked, List<String> statuses, OffsetDateTime at) {
    }

    @Inject
    IdempotentRequests idempotency;

    @Inject
    AgroalDataSource dataSource;

    final UUID teacher = UUID.randomUUID();
    final Marks marks = new Marks(UUID.randomUUID(), List.of("PRESENT", "ABSENT"));

    /** The command as a service writes it: the work runs only when the key is new. */
    Answer submit(UUID actor, String key, Marks in, int[] workDone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Answer> first = idempotency.firstAnswer(actor, key, "submit", in, Answer.class);
            if (first.isPresent()) {
                return first.get();
            }
            workDone[0]++;
            // a school's local time: the replay must keep its offset, not come back in UTC
            Answer answer = new Answer(UUID.randomUUID(), in.statuses().size(), in.statuses(),
                    OffsetDateTime.parse("2026-11-17T10:30:00.123456789+01:00"));
            idempotency.remember(actor, key, answer);
            return answer;
        });
    }

    @Test
    void a_retried_command_gets_the_first_answer_back_and_the_work_is_done_once() {
        int[] work = {0};
        String key = "k-" + UUID.randomUUID();
        Answer first = submit(teacher, key, marks, work);
        Answer again = submit(teacher, key, marks, work);
        assertThat(again).isEqualTo(first);
        assertThat(work[0]).isEqualTo(1);
        // the key is the caller's: another teacher with the same key is another request
        assertThat(submit(UUID.randomUUID(), key, marks, work)).isNotEqualTo(first);
        assertThat(work[0]).isEqualTo(2);
    }

    @Test
    void the_same_key_on_another_request_is_a_409_and_changes_nothing() {
        int[] work = {0};
        String key = "k-" + UUID.randomUUID();
        submit(teacher, key, marks, work);
        Marks other = new Marks(marks.register(), List.of("PRESENT", "LATE"));
        assertThatThrownBy(() -> submit(teacher, key, other, work))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.getMessage()).contains("Idempotency-Key"));
        assertThat(work[0]).isEqualTo(1);
        assertThat(storedKeys(key)).isEqualTo(1);
    }

    @Test
    void a_failed_attempt_frees_its_key() {
        String key = "k-" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(idempotency.firstAnswer(teacher, key, "submit", marks, Answer.class)).isEmpty();
            throw new IllegalStateException("the work failed");
        })).hasMessage("the work failed");
        assertThat(storedKeys(key)).isZero();
        int[] work = {0};
        submit(teacher, key, marks, work);
        assertThat(work[0]).isEqualTo(1);
    }

    @Test
    void misuse_says_how_to_fix_it() {
        assertThatThrownBy(() -> idempotency.firstAnswer(teacher, "k", "submit", marks, Answer.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@Transactional");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                idempotency.firstAnswer(teacher, " ", "submit", marks, Answer.class)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.getMessage()).contains("1 à 200"));
    }

    long storedKeys(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from ent_idempotent_request where key = ?")) {
            q.setString(1, key);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
