package fr.ent.messaging.safety;

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

/** Reports: pupils and guardians make them, the school's staff read them with the message and act. */
@Path("/api/messaging")
public class ReportResource {

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @POST
    @Path("/messages/{id}/report")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT})
    @APIResponse(responseCode = "201", description = "Reported to the school's staff",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Map.class)))
    @APIResponse(responseCode = "409", description = "Already reported by the caller")
    public Response reportMessage(@PathParam("id") UUID id, @NotNull @Valid ReportInput in) {
        return Response.status(Response.Status.CREATED).entity(Map.of("id", service.report(id, in))).build();
    }

    @GET
    @Path("/schools/{schoolId}/reports")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<ReportView> reports(@PathParam("schoolId") UUID schoolId) {
        return service.list(schoolId);
    }

    @POST
    @Path("/schools/{schoolId}/reports/{reportId}/hide")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public ReportView hideReportedMessage(@PathParam("schoolId") UUID schoolId, @PathParam("reportId") UUID reportId) {
        return service.hide(schoolId, reportId);
    }

    @POST
    @Path("/schools/{schoolId}/reports/{reportId}/block")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public ReportView blockSender(@PathParam("schoolId") UUID schoolId, @PathParam("reportId") UUID reportId,
                                  @NotNull @Valid BlockInput in) {
        return service.block(schoolId, reportId, in);
    }
}
