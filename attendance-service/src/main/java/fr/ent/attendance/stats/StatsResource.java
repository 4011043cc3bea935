package fr.ent.attendance.stats;

import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/attendance")
public class StatsResource {

    private final StatsService service;

    public StatsResource(StatsService service) {
        this.service = service;
    }

    /** The CPE's day: every absence, lateness and early departure, with counts. */
    @GET
    @Path("/schools/{schoolId}/day")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public StatsService.SchoolDay schoolDay(@PathParam("schoolId") UUID schoolId, @QueryParam("date") LocalDate date) {
        return service.schoolDay(schoolId, date);
    }

    @GET
    @Path("/classes/{groupId}/stats")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public StatsService.ClassMonth classMonth(@PathParam("groupId") UUID groupId, @QueryParam("month") YearMonth month) {
        // Format and range checked by libs/web's date parameters (400 naming "month").
        return service.classMonth(groupId, month);
    }

    @GET
    @Path("/schools/{schoolId}/export")
    @Produces("text/csv")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "200", description = "The school's absences, lateness and early departures between the two dates (CSV, UTF-8)", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response export(@PathParam("schoolId") UUID schoolId, @QueryParam("from") LocalDate from,
                           @QueryParam("to") LocalDate to) {
        if (from == null || to == null) {
            throw Problems.invalidField(from == null ? "from" : "to", "is required (an ISO-8601 date, 2026-09-01)");
        }
        return Response.ok(service.csv(schoolId, from, to), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"absences-" + from + "-" + to + ".csv\"").build();
    }
}
