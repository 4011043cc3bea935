package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * An enrolment was withdrawn as a whole (entered by mistake, pupil erased): it no longer counts
 * for any date. A pupil who leaves on a date is an {@link EnrolmentUpserted} with its {@code end}.
 * Key and subject: {@code enrolmentId}.
 *
 * @param enrolmentId the enrolment
 * @param pupilId     the pupil (for consumers that only log)
 * @param schoolId    the school
 * @param version     above every version of the enrolment published before
 */
@EventContract(type = "fr.ent.identity.enrolment-ended.v1", topic = IdentityEvent.TOPIC)
public record EnrolmentEnded(UUID enrolmentId, UUID pupilId, UUID schoolId, long version) implements IdentityEvent {
    @Override public UUID aggregateId() { return enrolmentId; }
}
