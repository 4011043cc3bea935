package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pupil's enrolment in a class (and its groups) for a period was created or changed; carries
 * the whole state. A pupil changing class mid-year is two enrolments: the old one upserted with
 * its {@code end}, a new one starting the next day. Key and subject: {@code enrolmentId}.
 *
 * @param enrolmentId the enrolment
 * @param pupilId     the pupil
 * @param schoolId    the school
 * @param classId     the class (division)
 * @param groupIds    the groups the pupil is in during this enrolment (may be empty)
 * @param start       first day (inclusive)
 * @param end         last day (inclusive), or null while open
 * @param version     strictly increasing per enrolment
 */
@EventContract(type = "fr.ent.identity.enrolment-upserted.v1", topic = IdentityEvent.TOPIC)
public record EnrolmentUpserted(UUID enrolmentId, UUID pupilId, UUID schoolId, UUID classId, List<UUID> groupIds,
                                LocalDate start, LocalDate end, long version) implements IdentityEvent {
    public EnrolmentUpserted {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }
    @Override public UUID aggregateId() { return enrolmentId; }
}
