package fr.ent.grades.assessment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public List<Assessment> ofClass(UUID classGroupId, LocalDate from, LocalDate to) {
        return list("classGroupId = ?1 and heldOn >= ?2 and heldOn <= ?3 order by heldOn, title", classGroupId, from, to);
    }
}
