package fr.ent.identity.classes;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    public boolean codeTaken(UUID schoolId, String code) {
        return count("schoolId = ?1 and code = ?2", schoolId, code) > 0;
    }

    public List<Subject> ofSchool(UUID schoolId) {
        return list("schoolId", Sort.by("code"), schoolId);
    }
}
