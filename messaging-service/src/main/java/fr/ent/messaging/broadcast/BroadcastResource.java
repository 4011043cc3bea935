package fr.ent.messaging.broadcast;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Broadcasts with acknowledgement: the school's staff send and follow them, families acknowledge. */
@Path("/api/messaging")
public class BroadcastResource {

    private final BroadcastService service;

    public BroadcastResource(BroadcastService service) {
        this.service = service;
    }

    @POST
    @Path("/schools/{schoolId}/broadcasts")
    @RolesAllowed(CurrentUser.STAFF)
    @APIResponse(responseCode = "201", description = "In every family's inbox",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BroadcastView.class)))
    @APIResponse(responseCode = "423", description = "Mass sending is switched off for the school")
    public Response sendBroadcast(@PathParam("schoolId") UUID schoolId, @NotNull @Valid BroadcastInput in) {
        return Response.status(Response.Status.CREATED).entity(service.send(schoolId, in)).build();
    }

    @GET
    @Path("/schools/{schoolId}/broadcasts")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<BroadcastView> broadcasts(@PathParam("schoolId") UUID schoolId) {
        return service.list(schoolId);
    }

    @GET
    @Path("/schools/{schoolId}/broadcasts/{id}")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public BroadcastView broadcast(@PathParam("schoolId") UUID schoolId, @PathParam("id") UUID id) {
        return service.read(schoolId, id);
    }

    @POST
    @Path("/schools/{schoolId}/broadcasts/{id}/remind")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public Map<String, Integer> remindFamilies(@PathParam("schoolId") UUID schoolId, @PathParam("id") UUID id) {
        return service.remind(schoolId, id);
    }

    @POST
    @Path("/broadcasts/{id}/acknowledge")
    @RolesAllowed(CurrentUser.PARENT)
    @APIResponse(responseCode = "204", description = "Acknowledged")
    public void acknowledge(@PathParam("id") UUID id) {
        service.acknowledge(id);
    }
}
