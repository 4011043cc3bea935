package fr.ent.timetable.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SchoolYearRepository implements PanacheRepositoryBase<SchoolYear, SchoolYear.Key> {

    public List<SchoolYear> ofSchool(UUID schoolId) {
        return list("key.schoolId = ?1 order by startsOn", schoolId);
    }

    /** The school year that day belongs to, if the school has entered it. */
    public Optional<SchoolYear> containing(UUID schoolId, LocalDate day) {
        return find("key.schoolId = ?1 and startsOn <= ?2 and endsOn >= ?2", schoolId, day).firstResultOptional();
    }
}
