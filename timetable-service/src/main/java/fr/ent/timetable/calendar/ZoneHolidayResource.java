package fr.ent.timetable.calendar;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;

/** The platform admin loads a zone's school holidays of a year once; every school of the zone observes them. */
@Path("/api/timetable/zones/{zone}/years/{year}/holidays")
public class ZoneHolidayResource {

    private final CalendarService service;

    public ZoneHolidayResource(CalendarService service) {
        this.service = service;
    }

    /** Replaces the zone's periods of that year. */
    @PUT
    @RolesAllowed(CurrentUser.ADMIN)
    public List<CalendarView.HolidayView> setZoneHolidays(@PathParam("zone") Zone zone, @PathParam("year") String year,
                                              @NotNull @Valid CalendarInputs.Holidays in) {
        return service.setZoneHolidays(zone, year, in);
    }
}
