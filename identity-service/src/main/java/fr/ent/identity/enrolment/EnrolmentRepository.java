package fr.ent.identity.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnrolmentRepository implements PanacheRepositoryBase<Enrolment, UUID> {

    /** A pupil's enrolments, withdrawn ones included, by start. */
    public List<Enrolment> ofPupil(UUID pupilId) {
        return list("pupilId", Sort.by("startsOn"), pupilId);
    }

    /** A pupil's enrolments not withdrawn that still run on that day or start later. */
    public List<Enrolment> runningFrom(UUID pupilId, LocalDate day) {
        return list("pupilId = ?1 and withdrawn = false and (endsOn is null or endsOn >= ?2)", pupilId, day);
    }

    /** The same for every pupil of a school, with their groups. */
    public List<Enrolment> runningFromInSchool(UUID schoolId, LocalDate day) {
        return getEntityManager().createQuery("""
                        select distinct e from Enrolment e left join fetch e.groupIds
                        where e.schoolId = ?1 and e.withdrawn = false and (e.endsOn is null or e.endsOn >= ?2)""", Enrolment.class)
                .setParameter(1, schoolId).setParameter(2, day).getResultList();
    }

    /** The pupils in a class or group on a day. */
    @SuppressWarnings("unchecked")
    public List<UUID> pupilsIn(UUID classOrGroupId, LocalDate on) {
        return getEntityManager().createNativeQuery("""
                        select distinct e.pupil_id from enrolment e
                        where not e.withdrawn and e.starts_on <= ?2 and (e.ends_on is null or e.ends_on >= ?2)
                          and (e.class_id = ?1 or exists (select 1 from enrolment_group g where g.enrolment_id = e.id and g.group_id = ?1))
                        """, UUID.class)
                .setParameter(1, classOrGroupId).setParameter(2, on).getResultList();
    }
}
