package fr.ent.attendance.reason;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The reasons of a school: staff manage them; the people of the school (and the guardians of its
 * pupils) list the public ones.
 */
@Path("/api/attendance/schools/{schoolId}/reasons")
public class ReasonResource {

    private final ReasonService service;

    public ReasonResource(ReasonService service) {
        this.service = service;
    }

    /** The people of the school (staff, teachers, pupils, guardians of its pupils) and admin; 404 for anyone else. */
    @GET
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<Reason> listReason(@PathParam("schoolId") UUID schoolId, @QueryParam("all") boolean all) {
        return service.list(schoolId, all);
    }

    @POST
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Reason.class)))
    @APIResponse(responseCode = "409", description = "A reason with that code exists in the school")
    public Response create(@PathParam("schoolId") UUID schoolId, @NotNull @Valid ReasonInput in) {
        return Response.status(Response.Status.CREATED).entity(service.create(schoolId, in)).build();
    }

    @PUT
    @Path("/{reasonId}")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public Reason update(@PathParam("schoolId") UUID schoolId, @PathParam("reasonId") UUID reasonId,
                         @NotNull @Valid ReasonInput in) {
        return service.update(schoolId, reasonId, in);
    }
}
