package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A person's delivery address changed (set, changed or removed). The only identity event with
 * contact details, so it has its own topic {@value #CONTACTS_TOPIC}, readable only by notification-service
 * (Kafka ACLs in production), which keeps its own contact table from it. Every other service
 * reads {@code ent.identity}, which carries no contact details.
 * Key and subject: {@code personId}. {@code schoolid}: once per school of the person, as
 * {@link PersonUpserted}.
 *
 * @param personId the person
 * @param email    where e-mail goes, or null when the person has none (no e-mail is sent)
 * @param version  strictly increasing per person's contact
 */
@EventContract(type = "fr.ent.identity.contact-changed.v1", topic = ContactChanged.CONTACTS_TOPIC)
public record ContactChanged(UUID personId, String email, long version) implements IdentityEvent {
    /** Restricted topic: consumed by notification-service only. */
    public static final String CONTACTS_TOPIC = "ent.identity.contacts";

    @Override public UUID aggregateId() { return personId; }
    @Override public UUID schoolId() { return null; }
}
