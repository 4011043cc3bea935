package fr.ent.attendance.absence;

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

import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Pupils' records: what staff record by hand, and who may read a record. */
@Path("/api/attendance")
public class AbsenceResource {

    public record SetReason(@NotNull UUID reasonId) {
    }

    private final AbsenceService absences;
    private final PupilRecordService records;

    public AbsenceResource(AbsenceService absences, PupilRecordService records) {
        this.absences = absences;
        this.records = records;
    }

    @GET
    @Path("/pupils/{pupilId}/record")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public PupilRecord record(@PathParam("pupilId") UUID pupilId, @QueryParam("month") YearMonth month) {
        // Format and range checked by libs/web's date parameters (400 naming "month").
        return records.record(pupilId, month);
    }

    @POST
    @Path("/absences")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "409", description = "An absence of the pupil already covers that time")
    public Response absence(@NotNull @Valid RecordEntry in) {
        return Response.status(201).entity(absences.recordAbsence(in)).build();
    }

    @POST
    @Path("/absences/collective")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CollectiveAbsence.class)))
    public Response collective(@NotNull @Valid RecordCollectiveAbsence in) {
        return Response.status(201).entity(absences.recordCollective(in)).build();
    }

    @POST
    @Path("/latenesses")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryView.class)))
    public Response lateness(@NotNull @Valid RecordEntry in) {
        return Response.status(201).entity(absences.recordLateness(in)).build();
    }

    @POST
    @Path("/early-departures")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryView.class)))
    public Response earlyDeparture(@NotNull @Valid RecordEntry in) {
        return Response.status(201).entity(absences.recordEarlyDeparture(in)).build();
    }

    @POST
    @Path("/entries/{id}/cancel")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(EntryView.class)
    @APIResponse(responseCode = "409", description = "The entry is already cancelled")
    public EntryView cancel(@PathParam("id") UUID id) {
        return absences.cancel(id);
    }

    @PUT
    @Path("/entries/{id}/reason")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(EntryView.class)
    @APIResponse(responseCode = "409", description = "The entry is cancelled")
    public EntryView reason(@PathParam("id") UUID id, @NotNull @Valid SetReason in) {
        return absences.setReason(id, in.reasonId());
    }
}
