package fr.ent.timetable.lesson;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OccurrenceChangeRepository implements PanacheRepositoryBase<OccurrenceChange, UUID> {

    /** The changes of these lessons' occurrences planned, or moved, between the two dates. */
    public List<OccurrenceChange> ofLessons(Collection<UUID> lessonIds, LocalDate from, LocalDate to) {
        if (lessonIds.isEmpty()) {
            return List.of();
        }
        return list("lessonId in ?1 and ((plannedDate between ?2 and ?3) or (movedTo between ?2 and ?3))", lessonIds, from, to);
    }

    public Optional<OccurrenceChange> of(UUID lessonId, LocalDate plannedDate) {
        return find("lessonId = ?1 and plannedDate = ?2", lessonId, plannedDate).firstResultOptional();
    }
}
