package fr.ent.grades.period;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PeriodRepository implements PanacheRepositoryBase<Period, UUID> {

    /** The school's periods; with a class or group, the school's own and that class's. */
    public List<Period> ofSchool(UUID schoolId, UUID classGroupId) {
        if (classGroupId == null) {
            return list("schoolId = ?1 order by startsOn, name", schoolId);
        }
        return list("schoolId = ?1 and (classGroupId is null or classGroupId = ?2) order by startsOn, name", schoolId, classGroupId);
    }

    /** The period an assessment of that class or group on that day belongs to: the class's own first, else the school's. */
    public Optional<Period> covering(UUID schoolId, UUID classGroupId, LocalDate day) {
        return find("""
                schoolId = ?1 and (classGroupId = ?2 or classGroupId is null) and startsOn <= ?3 and endsOn >= ?3
                order by case when classGroupId is null then 1 else 0 end""", schoolId, classGroupId, day).firstResultOptional();
    }

    /** Whether another period of the same school, class (or whole school) and year overlaps these dates. */
    public boolean overlaps(UUID schoolId, UUID classGroupId, String schoolYear, LocalDate startsOn, LocalDate endsOn) {
        return classGroupId == null
                ? count("schoolId = ?1 and classGroupId is null and schoolYear = ?2 and startsOn <= ?4 and endsOn >= ?3",
                schoolId, schoolYear, startsOn, endsOn) > 0
                : count("schoolId = ?1 and classGroupId = ?2 and schoolYear = ?3 and startsOn <= ?5 and endsOn >= ?4",
                schoolId, classGroupId, schoolYear, startsOn, endsOn) > 0;
    }
}
