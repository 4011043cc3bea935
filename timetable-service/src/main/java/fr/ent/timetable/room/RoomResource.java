package fr.ent.timetable.room;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** The rooms of a school: its staff manage them, its staff and teachers list them. */
@Path("/api/timetable/schools/{schoolId}/rooms")
public class RoomResource {

    private final RoomService service;

    public RoomResource(RoomService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<RoomView> listRooms(@PathParam("schoolId") UUID schoolId) {
        return service.list(schoolId);
    }

    @POST
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoomView.class)))
    @APIResponse(responseCode = "409", description = "A room with that name exists in the school")
    public Response createRoom(@PathParam("schoolId") UUID schoolId, @NotNull @Valid RoomInput in) {
        return Response.status(Response.Status.CREATED).entity(service.create(schoolId, in)).build();
    }

    @PUT
    @Path("/{roomId}")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "A room with that name exists in the school")
    public RoomView updateRoom(@PathParam("schoolId") UUID schoolId, @PathParam("roomId") UUID roomId,
                           @NotNull @Valid RoomInput in) {
        return service.update(schoolId, roomId, in);
    }
}
