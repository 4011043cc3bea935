package fr.ent.timetable.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimeSlotRepository implements PanacheRepositoryBase<TimeSlot, TimeSlot.Key> {

    public List<TimeSlot> ofSchool(UUID schoolId) {
        return list("key.schoolId = ?1 order by startsAt, key.code", schoolId);
    }
}
