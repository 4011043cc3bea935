package fr.ent.grades.period;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;
import java.util.UUID;

/** Marking periods: the school's staff create and lock them; anyone of the school lists them. */
@Path("/api/grades")
public class PeriodResource {

    private final PeriodService service;

    public PeriodResource(PeriodService service) {
        this.service = service;
    }

    @GET
    @Path("/schools/{schoolId}/periods")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public List<PeriodView> listPeriods(@PathParam("schoolId") UUID schoolId, @QueryParam("classGroupId") UUID classGroupId) {
        return service.list(schoolId, classGroupId);
    }

    @POST
    @Path("/schools/{schoolId}/periods")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PeriodView.class)))
    @APIResponse(responseCode = "409", description = "Another period of the same class (or school) and year overlaps it")
    public Response createPeriod(@PathParam("schoolId") UUID schoolId, @NotNull @Valid PeriodInput in) {
        return Response.status(Response.Status.CREATED).entity(service.create(schoolId, in)).build();
    }

    @POST
    @Path("/periods/{periodId}/lock")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(PeriodView.class)
    public PeriodView lockPeriod(@PathParam("periodId") UUID periodId) {
        return service.lock(periodId);
    }
}
