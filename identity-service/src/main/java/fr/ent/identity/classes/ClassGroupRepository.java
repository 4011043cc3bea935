package fr.ent.identity.classes;

import fr.ent.events.contract.identity.GroupKind;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ClassGroupRepository implements PanacheRepositoryBase<ClassGroup, UUID> {

    public boolean codeTaken(UUID schoolId, String schoolYear, String code) {
        return count("schoolId = ?1 and schoolYear = ?2 and code = ?3", schoolId, schoolYear, code) > 0;
    }

    /** A school's classes and groups of a school year (of every year when null), by kind and code. */
    public List<ClassGroup> ofSchool(UUID schoolId, String schoolYear) {
        Sort byCode = Sort.by("kind").and("code");
        return schoolYear == null
                ? list("schoolId", byCode, schoolId)
                : list("schoolId = ?1 and schoolYear = ?2", byCode, schoolId, schoolYear);
    }

    /** The codes of a school's classes, or of its groups, in a school year. */
    public Set<String> codes(UUID schoolId, String schoolYear, GroupKind kind) {
        return list("schoolId = ?1 and schoolYear = ?2 and kind = ?3", schoolId, schoolYear, kind)
                .stream().map(c -> c.code).collect(Collectors.toSet());
    }
}
