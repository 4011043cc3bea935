package fr.ent.identity.guardianship;

import fr.ent.identity.guardianship.GuardianshipService.GuardianshipInput;
import fr.ent.identity.guardianship.GuardianshipService.GuardianshipView;
import fr.ent.identity.guardianship.GuardianshipService.Relative;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
public class GuardianshipResource {

    private final GuardianshipService guardianships;

    public GuardianshipResource(GuardianshipService guardianships) {
        this.guardianships = guardianships;
    }

    @POST
    @Path("guardianships")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GuardianshipView.class)))
    @APIResponse(responseCode = "409", description = "The guardian is already linked to that pupil")
    public Response createGuardianship(GuardianshipInput in) {
        return Response.status(201).entity(guardianships.create(in)).build();
    }

    @PATCH
    @Path("guardianships/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public GuardianshipView changeGuardianship(@PathParam("id") UUID id, GuardianshipInput in) {
        return guardianships.change(id, in);
    }

    @DELETE
    @Path("guardianships/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public void endGuardianship(@PathParam("id") UUID id) {
        guardianships.end(id);
    }

    @GET
    @Path("people/{id}/guardians")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER, CurrentUser.PARENT, CurrentUser.PUPIL})
    public List<Relative> guardians(@PathParam("id") UUID id) {
        return guardianships.guardiansOf(id);
    }

    @GET
    @Path("people/{id}/children")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.PARENT})
    public List<Relative> children(@PathParam("id") UUID id) {
        return guardianships.childrenOf(id);
    }
}
