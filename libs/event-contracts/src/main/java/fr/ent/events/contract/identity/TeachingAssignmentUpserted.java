package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A teacher was assigned to teach a subject to a class or group (or the assignment changed);
 * carries its whole state. Key and subject: {@code assignmentId}.
 *
 * @param assignmentId   the teaching assignment
 * @param teacherId      the teacher
 * @param schoolId       the school of the class or group
 * @param classOrGroupId the class or group taught
 * @param subject        the subject code from the national list (e.g. {@code MATHS}, {@code FRANCAIS})
 * @param version        strictly increasing per assignment
 * @param headTeacher    the teacher is the class's professeur principal (head teacher: follows the
 *                       whole class, speaks for it at the class council); null from producers that
 *                       do not say (read as false). Optional, added after v1 was published.
 */
@EventContract(type = "fr.ent.identity.teaching-assignment-upserted.v1", topic = IdentityEvent.TOPIC)
public record TeachingAssignmentUpserted(UUID assignmentId, UUID teacherId, UUID schoolId, UUID classOrGroupId,
                                         String subject, long version, Boolean headTeacher) implements IdentityEvent {

    /** An assignment that says nothing of the professeur principal. */
    public TeachingAssignmentUpserted(UUID assignmentId, UUID teacherId, UUID schoolId, UUID classOrGroupId, String subject,
                                      long version) {
        this(assignmentId, teacherId, schoolId, classOrGroupId, subject, version, null);
    }

    /** True when the teacher is the class's professeur principal. */
    public boolean isHeadTeacher() {
        return Boolean.TRUE.equals(headTeacher);
    }

    @Override public UUID aggregateId() { return assignmentId; }
}
