package fr.ent.identity.provisioning;

import fr.ent.identity.person.Person;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/** Asks for a person's Keycloak user to be brought up to date, in the caller's transaction. */
@ApplicationScoped
public class Provisioning {

    private final ProvisioningTaskRepository tasks;

    public Provisioning(ProvisioningTaskRepository tasks) {
        this.tasks = tasks;
    }

    public void request(Person p, String initialPassword) {
        ProvisioningTask t = new ProvisioningTask();
        t.personId = p.id;
        t.initialPassword = initialPassword;
        t.nextAttemptAt = t.createdAt = OffsetDateTime.now();
        tasks.persist(t);
    }
}
