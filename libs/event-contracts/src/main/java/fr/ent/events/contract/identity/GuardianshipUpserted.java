package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A guardian's link to a pupil was created or changed; carries its whole state. Two separated
 * parents are two guardianships with two guardian accounts. Key and subject: {@code guardianshipId}.
 * {@code schoolid}: the pupil's school (once per school if the pupil is in several).
 *
 * @param guardianshipId         the guardianship
 * @param guardianId             the guardian (a person with role PARENT)
 * @param pupilId                the pupil
 * @param receivesCommunications whether school communications (absences, alerts) go to this guardian
 * @param legalResponsibility    whether this guardian is a legal representative (responsable légal)
 * @param version                strictly increasing per guardianship
 */
@EventContract(type = "fr.ent.identity.guardianship-upserted.v1", topic = IdentityEvent.TOPIC)
public record GuardianshipUpserted(UUID guardianshipId, UUID guardianId, UUID pupilId,
                                   boolean receivesCommunications, boolean legalResponsibility,
                                   long version) implements IdentityEvent {
    @Override public UUID aggregateId() { return guardianshipId; }
    @Override public UUID schoolId() { return null; }
}
