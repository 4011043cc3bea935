package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A guardianship ended: the guardian no longer sees nor hears about the pupil.
 * Key and subject: {@code guardianshipId}. {@code schoolid}: the pupil's school(s), as
 * {@link GuardianshipUpserted}.
 *
 * @param guardianshipId the guardianship
 * @param guardianId     the guardian
 * @param pupilId        the pupil
 * @param version        above every version of the guardianship published before
 */
@EventContract(type = "fr.ent.identity.guardianship-ended.v1", topic = IdentityEvent.TOPIC)
public record GuardianshipEnded(UUID guardianshipId, UUID guardianId, UUID pupilId, long version)
        implements IdentityEvent {
    @Override public UUID aggregateId() { return guardianshipId; }
    @Override public UUID schoolId() { return null; }
}
