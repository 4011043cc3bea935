package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A person was removed from the directory (erasure): consumers forget their names. Identity
 * publishes the ended events of the person's enrolments, guardianships and teaching assignments
 * before this one. (A person merely disabled is a {@link PersonUpserted} with {@code active=false}.)
 * Key and subject: {@code personId}. {@code schoolid}: once per school the person was in, as
 * {@link PersonUpserted}.
 *
 * @param personId the person
 * @param version  above every version of the person published before
 */
@EventContract(type = "fr.ent.identity.person-ended.v1", topic = IdentityEvent.TOPIC)
public record PersonEnded(UUID personId, long version) implements IdentityEvent {
    @Override public UUID aggregateId() { return personId; }
    @Override public UUID schoolId() { return null; }
}
