package fr.ent.identity.guardianship;

import fr.ent.events.contract.identity.PersonRole;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Guardianships; current ones are those not ended. */
@ApplicationScoped
public class GuardianshipRepository implements PanacheRepositoryBase<Guardianship, UUID> {

    public boolean isCurrent(UUID guardianId, UUID pupilId) {
        return count("guardianId = ?1 and pupilId = ?2 and endedAt is null", guardianId, pupilId) > 0;
    }

    public List<Guardianship> currentOfPupil(UUID pupilId) {
        return list("pupilId = ?1 and endedAt is null", pupilId);
    }

    public List<Guardianship> currentOfGuardian(UUID guardianId) {
        return list("guardianId = ?1 and endedAt is null", guardianId);
    }

    /** The current guardianships of the guardians a school knows by an external id. */
    public List<Guardianship> currentOfSchoolGuardians(UUID schoolId) {
        return getEntityManager().createQuery("""
                        select g from Guardianship g where g.endedAt is null and g.guardianId in
                        (select x.personId from PersonExternalId x where x.schoolId = ?1 and x.role = ?2)""", Guardianship.class)
                .setParameter(1, schoolId).setParameter(2, PersonRole.PARENT).getResultList();
    }
}
