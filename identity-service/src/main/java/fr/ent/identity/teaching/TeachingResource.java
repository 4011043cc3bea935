package fr.ent.identity.teaching;

import fr.ent.identity.teaching.TeachingService.AssignmentInput;
import fr.ent.identity.teaching.TeachingService.AssignmentView;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/identity")
public class TeachingResource {

    private final TeachingService teaching;

    public TeachingResource(TeachingService teaching) {
        this.teaching = teaching;
    }

    @POST
    @Path("teaching-assignments")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "409", description = "The teacher already teaches that subject to that class")
    public Response assign(AssignmentInput in) {
        return Response.status(201).entity(teaching.assign(in)).build();
    }

    @DELETE
    @Path("teaching-assignments/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public void endTeaching(@PathParam("id") UUID id) {
        teaching.end(id);
    }

    @GET
    @Path("people/{id}/teaching-assignments")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER})
    public List<AssignmentView> ofTeacher(@PathParam("id") UUID id) {
        return teaching.ofTeacher(id);
    }
}
