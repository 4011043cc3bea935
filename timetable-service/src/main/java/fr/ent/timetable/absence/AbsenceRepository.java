package fr.ent.timetable.absence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AbsenceRepository implements PanacheRepositoryBase<TeacherAbsence, UUID> {

    public List<TeacherAbsence> ofTeacher(UUID teacherId) {
        return list("teacherId = ?1 order by startsAt, schoolId", teacherId);
    }

    public List<TeacherAbsence> ofSchool(UUID schoolId) {
        return list("schoolId = ?1 order by startsAt, teacherId", schoolId);
    }
}
