package fr.ent.timetable.absence;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/**
 * A teacher's own absence: the teacher declares and withdraws it, the school's staff list and
 * confirm them (or record one at once). No reason field: a body carrying one is a 400.
 */
@Path("/api/timetable")
public class AbsenceResource {

    private final AbsenceService service;

    public AbsenceResource(AbsenceService service) {
        this.service = service;
    }

    @POST
    @Path("/absences")
    @RolesAllowed(CurrentUser.TEACHER)
    @APIResponse(responseCode = "201", description = "Declared: one absence per school of the teacher")
    public Response declareAbsence(@NotNull @Valid AbsenceInputs.Declare in) {
        return Response.status(Response.Status.CREATED).entity(service.declare(in)).build();
    }

    @GET
    @Path("/absences/mine")
    @RolesAllowed(CurrentUser.TEACHER)
    public List<AbsenceView> myAbsences() {
        return service.mine();
    }

    @DELETE
    @Path("/absences/{absenceId}")
    @RolesAllowed(CurrentUser.TEACHER)
    @APIResponse(responseCode = "204", description = "Withdrawn")
    @APIResponse(responseCode = "409", description = "Already confirmed")
    public void withdrawAbsence(@PathParam("absenceId") UUID absenceId) {
        service.withdraw(absenceId);
    }

    @GET
    @Path("/schools/{schoolId}/absences")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<AbsenceView> schoolAbsences(@PathParam("schoolId") UUID schoolId) {
        return service.ofSchool(schoolId);
    }

    @POST
    @Path("/absences/{absenceId}/confirm")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "Already confirmed, or a substitute teaches elsewhere then")
    public ConfirmedAbsence confirmAbsence(@PathParam("absenceId") UUID absenceId, @Valid AbsenceInputs.Confirm in) {
        return service.confirm(absenceId, in);
    }

    @POST
    @Path("/schools/{schoolId}/absences")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Recorded and confirmed")
    public Response recordAbsence(@PathParam("schoolId") UUID schoolId, @NotNull @Valid AbsenceInputs.Record in) {
        return Response.status(Response.Status.CREATED).entity(service.record(schoolId, in)).build();
    }
}
