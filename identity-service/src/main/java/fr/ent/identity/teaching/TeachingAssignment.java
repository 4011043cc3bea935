package fr.ent.identity.teaching;

import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.events.contract.identity.TeachingAssignmentEnded;
import fr.ent.events.contract.identity.TeachingAssignmentUpserted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A teacher teaches a subject to a class or group. */
@Entity
@Table(name = "teaching_assignment")
public class TeachingAssignment {
    @Id public UUID id;
    @Column(name = "teacher_id") public UUID teacherId;
    @Column(name = "school_id") public UUID schoolId;
    @Column(name = "class_group_id") public UUID classGroupId;
    @Column(name = "subject_id") public UUID subjectId;
    @Column(name = "ended_at") public OffsetDateTime endedAt;
    /** The teacher is the class's professeur principal (from the roster's {@code professeur_principal} column). */
    @Column(name = "head_teacher") public boolean headTeacher;
    public long version;

    /** Ended: ended; otherwise its current state, with the subject's code. */
    public IdentityEvent event(String subjectCode) {
        return endedAt != null ? new TeachingAssignmentEnded(id, teacherId, schoolId, classGroupId, version)
                : new TeachingAssignmentUpserted(id, teacherId, schoolId, classGroupId, subjectCode, version, headTeacher);
    }
}
