package fr.ent.identity.provisioning;

import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonRepository;
import fr.ent.identity.provisioning.KeycloakAdmin.DesiredUser;
import fr.ent.identity.provisioning.KeycloakAdmin.KeycloakException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Makes Keycloak follow the directory: takes the due provisioning tasks in order and, for each,
 * makes the person's Keycloak user match the person as it is now (so replaying a task is
 * harmless). A failure leaves the task for later, with a delay that doubles; nothing is lost.
 * Several instances may run: a task is taken with FOR UPDATE SKIP LOCKED.
 */
@ApplicationScoped
public class ProvisioningWorker {

    private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);

    private final KeycloakConfig config;
    private final KeycloakAdmin keycloak;
    private final ProvisioningTaskRepository tasks;
    private final PersonRepository people;

    public ProvisioningWorker(KeycloakConfig config, KeycloakAdmin keycloak, ProvisioningTaskRepository tasks,
                              PersonRepository people) {
        this.config = config;
        this.keycloak = keycloak;
        this.tasks = tasks;
        this.people = people;
    }

    @Scheduled(every = "${ent.identity.keycloak.poll-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.enabled()) return;
        drain(20);
    }

    /** Processes due tasks, at most {@code batches} batches; returns how many succeeded. */
    public int drain(int batches) {
        int done = 0;
        for (int b = 0; b < batches; b++) {
            List<Long> due = QuarkusTransaction.requiringNew().call(() -> tasks.due(config.batchSize()));
            if (due.isEmpty()) break;
            boolean failed = false;
            for (Long id : due) {
                Boolean ok = QuarkusTransaction.requiringNew().call(() -> process(id));
                if (Boolean.TRUE.equals(ok)) done++;
                if (Boolean.FALSE.equals(ok)) failed = true;
            }
            // Keycloak down: the rest waits for its own retry time rather than failing one by one now.
            if (failed || due.size() < config.batchSize()) break;
        }
        return done;
    }

    /** true: done; false: failed (will retry); null: taken by another worker meanwhile. */
    private Boolean process(long id) {
        if (!tasks.lock(id)) return null;
        ProvisioningTask task = tasks.findById(id);
        Person p = people.findById(task.personId);
        try {
            p.keycloakUserId = keycloak.upsert(p.keycloakUserId, desired(p, task.initialPassword));
            task.doneAt = OffsetDateTime.now();
            task.initialPassword = null;
            task.lastError = null;
            return true;
        } catch (KeycloakException | IllegalStateException e) {
            task.attempts++;
            task.lastError = String.valueOf(e.getMessage());
            task.nextAttemptAt = OffsetDateTime.now().plus(backoff(task.attempts));
            LOG.warnf("Keycloak provisioning of person %s failed (attempt %d), retrying later: %s", p.id, task.attempts, e.getMessage());
            return false;
        }
    }

    Duration backoff(int attempts) {
        Duration d = config.firstRetry().multipliedBy(1L << Math.min(20, attempts - 1));
        return d.compareTo(config.maxRetry()) > 0 ? config.maxRetry() : d;
    }

    static DesiredUser desired(Person p, String password) {
        return new DesiredUser(p.username, p.email, p.firstName, p.lastName, p.active,
                p.role.name().toLowerCase(Locale.ROOT), p.id.toString(),
                p.schoolIds.stream().map(UUID::toString).sorted().toList(), password);
    }
}
