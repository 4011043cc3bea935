package fr.ent.timetable.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class HolidayPeriodRepository implements PanacheRepositoryBase<HolidayPeriod, UUID> {

    /** The periods a school observes in a year: its zone's and its own. */
    public List<HolidayPeriod> observedBy(UUID schoolId, Zone zone, String year) {
        return list("year = ?1 and (zone = ?2 or schoolId = ?3) order by startsOn", year, zone, schoolId);
    }

    public void deleteOfZone(Zone zone, String year) {
        delete("zone = ?1 and year = ?2", zone, year);
    }
}
