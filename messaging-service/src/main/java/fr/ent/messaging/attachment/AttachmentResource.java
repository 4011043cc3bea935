package fr.ent.messaging.attachment;

import fr.ent.files.UploadOffer;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Asks for a pre-signed upload of an attachment, in a school one may write in. */
@Path("/api/messaging/schools/{schoolId}/attachment-uploads")
public class AttachmentResource {

    private final Attachments attachments;

    public AttachmentResource(Attachments attachments) {
        this.attachments = attachments;
    }

    @POST
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF})
    @APIResponse(responseCode = "201", description = "PUT the bytes to the URL, then name fileId in the message",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadOffer.class)))
    @APIResponse(responseCode = "413", description = "Too large (5 MiB at most)")
    @APIResponse(responseCode = "415", description = "A type not accepted")
    public Response offerAttachmentUpload(@PathParam("schoolId") UUID schoolId, @NotNull @Valid AttachmentUpload in) {
        return Response.status(Response.Status.CREATED).entity(attachments.offer(schoolId, in)).build();
    }
}
