package fr.ent.identity.school;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SchoolYearRepository implements PanacheRepositoryBase<SchoolYear, UUID> {

    public boolean exists(UUID schoolId, String label) {
        return count("schoolId = ?1 and label = ?2", schoolId, label) > 0;
    }

    public List<SchoolYear> ofSchool(UUID schoolId) {
        return list("schoolId", Sort.by("startsOn"), schoolId);
    }
}
