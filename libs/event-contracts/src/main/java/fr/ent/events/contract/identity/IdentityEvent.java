package fr.ent.events.contract.identity;

import java.util.UUID;

/** What every identity event has: the aggregate it is about and that aggregate's version. */
public sealed interface IdentityEvent
        permits SchoolUpserted, PersonUpserted, PersonEnded, ClassGroupUpserted, EnrolmentUpserted,
        EnrolmentEnded, GuardianshipUpserted, GuardianshipEnded, TeachingAssignmentUpserted,
        TeachingAssignmentEnded, ContactChanged {

    /** Topic of the directory events. */
    String TOPIC = "ent.identity";

    /** The aggregate's id: the Kafka record key and the CloudEvents subject. */
    UUID aggregateId();

    /** Strictly increasing per aggregate; a consumer ignores a version it has already passed. */
    long version();

    /**
     * The school for the CloudEvents {@code schoolid} extension when the payload names exactly one;
     * null when the publisher records the event once per school instead (a person, a guardianship,
     * whose record says which schools). Every event on the wire carries a {@code schoolid}.
     */
    UUID schoolId();
}
