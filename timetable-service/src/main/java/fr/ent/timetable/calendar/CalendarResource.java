package fr.ent.timetable.calendar;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** A school's calendar: the people of the school read it, its staff set it up. */
@Path("/api/timetable/schools/{schoolId}/calendar")
public class CalendarResource {

    private final CalendarService service;

    public CalendarResource(CalendarService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public CalendarView calendar(@PathParam("schoolId") UUID schoolId) {
        return service.view(schoolId);
    }

    /** The zone (set once: another zone is a 409) and the school day's bounds. */
    @PUT
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "The school's zone is already another one")
    public CalendarView configure(@PathParam("schoolId") UUID schoolId, @NotNull @Valid CalendarInputs.Settings in) {
        return service.configure(schoolId, in);
    }

    @PUT
    @Path("/years/{year}")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public CalendarView setYear(@PathParam("schoolId") UUID schoolId, @PathParam("year") String year,
                                @NotNull @Valid CalendarInputs.Year in) {
        return service.setYear(schoolId, year, in);
    }

    /** Replaces the time slots. */
    @PUT
    @Path("/slots")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "A slot removed is still used by lessons")
    public CalendarView setSlots(@PathParam("schoolId") UUID schoolId, @NotNull @Valid CalendarInputs.Slots in) {
        return service.setSlots(schoolId, in);
    }

    /** A holiday period of the school's own, on top of its zone's. */
    @POST
    @Path("/years/{year}/holidays")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CalendarView.HolidayView.class)))
    public Response addHoliday(@PathParam("schoolId") UUID schoolId, @PathParam("year") String year,
                               @NotNull @Valid CalendarInputs.Holiday in) {
        return Response.status(Response.Status.CREATED).entity(service.addHoliday(schoolId, year, in)).build();
    }

    @DELETE
    @Path("/holidays/{holidayId}")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public void removeHoliday(@PathParam("schoolId") UUID schoolId, @PathParam("holidayId") UUID holidayId) {
        service.removeHoliday(schoolId, holidayId);
    }
}
