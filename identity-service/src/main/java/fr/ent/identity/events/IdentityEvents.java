package fr.ent.identity.events;

import fr.ent.events.Outbox;
import fr.ent.events.contract.identity.IdentityEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Records the identity event contracts in the outbox, in the caller's transaction. Each feature
 * turns its aggregate into its contract record (its entity's {@code event()}); callers bump the
 * aggregate's version before.
 *
 * <p>Every event carries the CloudEvents extension {@code schoolid} (the outbox refuses one
 * without). An event about something of one school carries that school. A person may belong to
 * several schools (a teacher, a parent of pupils in two schools): their events are recorded once
 * per school, the same payload and version each time, so a consumer that follows one school sees
 * them, and one that follows all of them applies the first and ignores the others (same version).
 * A guardianship belongs to the pupil's school(s).
 */
@ApplicationScoped
public class IdentityEvents {

    private final Outbox outbox;

    public IdentityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** An event about something of one school: the school its payload names. */
    public void publish(IdentityEvent event) {
        String key = event.aggregateId().toString();
        outbox.publish(event, key, key, event.schoolId());
    }

    /**
     * Once per school, in a stable order. A person in no school (a regional administrator) is in
     * no school's directory: nothing to publish; their upsert goes out when they join one.
     */
    public void publish(IdentityEvent event, Set<UUID> schoolIds) {
        String key = event.aggregateId().toString();
        for (UUID school : new TreeSet<>(schoolIds)) {
            outbox.publish(event, key, key, school);
        }
    }
}
