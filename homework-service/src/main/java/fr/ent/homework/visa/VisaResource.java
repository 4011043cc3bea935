package fr.ent.homework.visa;

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
import java.util.UUID;

@Path("/api/homework/classes/{classGroupId}/visas")
public class VisaResource {

    private final VisaService visas;

    public VisaResource(VisaService visas) {
        this.visas = visas;
    }

    /** The school's staff (the head) or an inspector of the school stamp a teacher's cahier de textes for the class. */
    @POST
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
    @APIResponse(responseCode = "201", description = "Stamped",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisaView.class)))
    public Response stampVisa(@PathParam("classGroupId") UUID classGroupId, @NotNull @Valid VisaInput in) {
        return Response.status(201).entity(visas.stamp(classGroupId, in)).build();
    }

    /** The visa history of the class, latest first, with who stamped each. */
    @GET
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.INSPECTOR})
    public List<VisaView> listVisas(@PathParam("classGroupId") UUID classGroupId) {
        return visas.ofClass(classGroupId);
    }
}
