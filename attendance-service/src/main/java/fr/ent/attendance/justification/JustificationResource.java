package fr.ent.attendance.justification;

import fr.ent.web.CurrentUser;
import fr.ent.files.UploadOffer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Justifications: guardians send them, staff decide. */
@Path("/api/attendance")
public class JustificationResource {

    private final JustificationService service;

    public JustificationResource(JustificationService service) {
        this.service = service;
    }

    /**
     * Step 1 of a justification with an attachment: a pre-signed upload (PDF, JPEG or PNG, 2 MiB at
     * most). The guardian PUTs the bytes to {@code url} with {@code headers}, directly to the object
     * storage, before {@code expiresAt}; then submits the justification with {@code attachmentId} =
     * {@code fileId}.
     */
    @POST
    @Path("/entries/{entryId}/justification-uploads")
    @RolesAllowed(CurrentUser.PARENT)
    @APIResponse(responseCode = "201", description = "A pre-signed upload", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadOffer.class)))
    @APIResponse(responseCode = "409", description = "The absence is already justified, or a justification is pending")
    public Response offerAttachmentUpload(@PathParam("entryId") UUID entryId, @NotNull @Valid RequestAttachmentUpload in) {
        return Response.status(201).entity(service.offerAttachmentUpload(entryId, in)).build();
    }

    /**
     * A justification: a reason, an optional comment and an optional attachment uploaded first
     * ({@code attachmentId}); the attachment is checked now: its size, its type read from its bytes
     * (not its name), its SHA-256.
     */
    @POST
    @Path("/entries/{entryId}/justifications")
    @RolesAllowed(CurrentUser.PARENT)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Justification.class)))
    @APIResponse(responseCode = "409", description = "The absence is already justified, or a justification is pending")
    @APIResponse(responseCode = "422", description = "The attachment's content is not the one declared (SHA-256)")
    public Response submitJustification(@PathParam("entryId") UUID entryId, @NotNull @Valid SubmitJustification in) {
        return Response.status(201).entity(service.submit(entryId, in.reasonId(), in.comment(), in.attachmentId())).build();
    }

    @GET
    @Path("/schools/{schoolId}/justifications")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<Justification> listJustification(@PathParam("schoolId") UUID schoolId, @QueryParam("status") String status) {
        return service.ofSchool(schoolId, status);
    }

    @POST
    @Path("/justifications/{id}/accept")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(Justification.class)
    @APIResponse(responseCode = "409", description = "The justification is already decided")
    public Justification accept(@PathParam("id") UUID id) {
        return service.accept(id);
    }

    @POST
    @Path("/justifications/{id}/refuse")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(Justification.class)
    @APIResponse(responseCode = "409", description = "The justification is already decided")
    public Justification refuse(@PathParam("id") UUID id) {
        return service.refuse(id);
    }

    @GET
    @Path("/justifications/{id}/attachment")
    @RolesAllowed({CurrentUser.PARENT, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "200", description = "A short-lived pre-signed link to the attached file (JSON); for an "
            + "attachment sent before attachments moved to object storage, the file itself, its type read from its bytes",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentDownload.class)), @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response attachment(@PathParam("id") UUID id) {
        JustificationRepository.Attachment a = service.attachment(id);
        if (a.fileId() != null) {
            return Response.ok(service.download(a.fileId()), "application/json").build();
        }
        return Response.ok(a.content(), a.mediaType())
                .header("Content-Disposition", "attachment; filename=\"justificatif\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
