package fr.ent.homework.handin;

import fr.ent.files.Download;
import fr.ent.files.UploadOffer;
import fr.ent.homework.support.UploadInput;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.UUID;

/** Hand-ins of HAND_IN work: pupils hand in files, teachers follow, download, close and return feedback. */
@Path("/api/homework")
public class HandInResource {

    private final HandInService handIns;

    public HandInResource(HandInService handIns) {
        this.handIns = handIns;
    }

    /** Step 1 for the pupil: a pre-signed upload (PDF, PNG, JPEG, DOCX, ODT; 10 MiB); then hand in naming {@code fileId}. */
    @POST
    @Path("/works/{workId}/hand-ins/{pupilId}/uploads")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "A pre-signed upload",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadOffer.class)))
    @APIResponse(responseCode = "409", description = "Hand-ins are closed, or the work is not handed in online")
    public Response offerHandInUpload(@PathParam("workId") UUID workId, @PathParam("pupilId") UUID pupilId,
                                      @NotNull @Valid UploadInput in) {
        return Response.status(201).entity(handIns.offerUpload(workId, pupilId, in)).build();
    }

    /** The pupil hands in (or replaces, until the due time) the files uploaded. */
    @PUT
    @Path("/works/{workId}/hand-ins/{pupilId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "Hand-ins are closed, or the due time is past and the work already handed in")
    @APIResponse(responseCode = "422", description = "A file's content is not the one declared (SHA-256)")
    @APIResponseSchema(HandInView.class)
    public HandInView handIn(@PathParam("workId") UUID workId, @PathParam("pupilId") UUID pupilId, @NotNull @Valid HandInInput in) {
        return handIns.handIn(workId, pupilId, in);
    }

    @GET
    @Path("/works/{workId}/hand-ins/{pupilId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public HandInView getHandIn(@PathParam("workId") UUID workId, @PathParam("pupilId") UUID pupilId) {
        return handIns.get(workId, pupilId);
    }

    /** A pre-signed download of a handed-in file or of the feedback file. */
    @GET
    @Path("/works/{workId}/hand-ins/{pupilId}/files/{fileId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public Download handInFile(@PathParam("workId") UUID workId, @PathParam("pupilId") UUID pupilId,
                               @PathParam("fileId") UUID fileId) {
        return handIns.file(workId, pupilId, fileId);
    }

    /** Who handed in, who is late, who has not. */
    @GET
    @Path("/works/{workId}/hand-ins")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public HandInStatus handInStatus(@PathParam("workId") UUID workId) {
        return handIns.status(workId);
    }

    /** Every handed-in file as one ZIP archive, streamed (a folder per pupil). */
    @GET
    @Path("/works/{workId}/hand-ins.zip")
    @Produces("application/zip")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    @APIResponse(responseCode = "200", description = "The archive",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response handInArchive(@PathParam("workId") UUID workId) {
        HandInArchive archive = handIns.archive(workId);
        return Response.ok(archive, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"").build();
    }

    /** Closes hand-ins: after it a hand-in is refused (409). */
    @POST
    @Path("/works/{workId}/close-hand-ins")
    @RolesAllowed(CurrentUser.TEACHER)
    public HandInStatus closeHandIns(@PathParam("workId") UUID workId) {
        return handIns.close(workId);
    }

    @POST
    @Path("/works/{workId}/hand-ins/{pupilId}/feedback-uploads")
    @RolesAllowed(CurrentUser.TEACHER)
    @APIResponse(responseCode = "201", description = "A pre-signed upload",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadOffer.class)))
    public Response offerFeedbackUpload(@PathParam("workId") UUID workId, @PathParam("pupilId") UUID pupilId,
                                        @NotNull @Valid UploadInput in) {
        return Response.status(201).entity(handIns.offerFeedbackUpload(workId, pupilId, in)).build();
    }

    /** Returns feedback (a file uploaded first and/or a comment) on the pupil's hand-in. */
    @PUT
    @Path("/works/{workId}/hand-ins/{pupilId}/feedback")
    @RolesAllowed(CurrentUser.TEACHER)
    public HandInView returnFeedback(@PathParam("workId") UUID workId, @PathParam("pupilId") UUID pupilId,
                                     @NotNull @Valid FeedbackInput in) {
        return handIns.feedback(workId, pupilId, in);
    }
}
