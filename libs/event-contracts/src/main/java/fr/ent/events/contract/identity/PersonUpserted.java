package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.List;
import java.util.UUID;

/**
 * A person was created or changed (including disabled: {@code active = false}); carries the
 * whole state. No contact details: see {@link ContactChanged}.
 * Key and subject: {@code personId}. {@code schoolid}: recorded once per school of {@code schoolIds}
 * (same payload and version each time; a consumer of every school applies the first and ignores
 * the others). A person in no school (a regional administrator) is not published.
 *
 * @param personId  the person (the {@code person_id} token claim)
 * @param role      their role
 * @param firstName first name (shown to families and teachers, used in French notification texts)
 * @param lastName  last name
 * @param schoolIds the schools they belong to (a teacher or a guardian may have several)
 * @param active    false once disabled: the account can no longer sign in
 * @param version   strictly increasing per person
 */
@EventContract(type = "fr.ent.identity.person-upserted.v1", topic = IdentityEvent.TOPIC)
public record PersonUpserted(UUID personId, PersonRole role, String firstName, String lastName,
                             List<UUID> schoolIds, boolean active, long version) implements IdentityEvent {
    public PersonUpserted {
        schoolIds = schoolIds == null ? List.of() : List.copyOf(schoolIds);
    }
    @Override public UUID aggregateId() { return personId; }
    @Override public UUID schoolId() { return null; }
}
