package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A teaching assignment ended: the teacher no longer teaches that class or group that subject.
 * Key and subject: {@code assignmentId}.
 *
 * @param assignmentId   the teaching assignment
 * @param teacherId      the teacher
 * @param schoolId       the school
 * @param classOrGroupId the class or group
 * @param version        above every version of the assignment published before
 */
@EventContract(type = "fr.ent.identity.teaching-assignment-ended.v1", topic = IdentityEvent.TOPIC)
public record TeachingAssignmentEnded(UUID assignmentId, UUID teacherId, UUID schoolId, UUID classOrGroupId,
                                      long version) implements IdentityEvent {
    @Override public UUID aggregateId() { return assignmentId; }
}
