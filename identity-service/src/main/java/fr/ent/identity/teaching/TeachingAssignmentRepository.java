package fr.ent.identity.teaching;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Teaching assignments; current ones are those not ended. */
@ApplicationScoped
public class TeachingAssignmentRepository implements PanacheRepositoryBase<TeachingAssignment, UUID> {

    public boolean isCurrent(UUID teacherId, UUID classGroupId, UUID subjectId) {
        return count("teacherId = ?1 and classGroupId = ?2 and subjectId = ?3 and endedAt is null",
                teacherId, classGroupId, subjectId) > 0;
    }

    public List<TeachingAssignment> currentOfClass(UUID classGroupId) {
        return list("classGroupId = ?1 and endedAt is null", classGroupId);
    }

    public List<TeachingAssignment> currentOfTeacher(UUID teacherId) {
        return list("teacherId = ?1 and endedAt is null", teacherId);
    }

    public List<TeachingAssignment> currentOfSchool(UUID schoolId) {
        return list("schoolId = ?1 and endedAt is null", schoolId);
    }
}
