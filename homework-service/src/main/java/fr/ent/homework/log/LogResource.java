package fr.ent.homework.log;

import fr.ent.files.Download;
import fr.ent.files.UploadOffer;
import fr.ent.homework.support.UploadInput;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The cahier de textes (lesson log) and the attachments of entries and work. */
@Path("/api/homework")
public class LogResource {

    private final LogService log;

    public LogResource(LogService log) {
        this.log = log;
    }

    /**
     * A pre-signed upload of an attachment (PDF, PNG, JPEG, DOCX, ODT; 10 MiB) for an entry or a work
     * of that class or group: PUT the bytes to {@code url} with {@code headers}, then name
     * {@code fileId} in {@code attachmentIds}.
     */
    @POST
    @Path("/classes/{classGroupId}/attachment-uploads")
    @RolesAllowed(CurrentUser.TEACHER)
    @APIResponse(responseCode = "201", description = "A pre-signed upload",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UploadOffer.class)))
    public Response offerAttachmentUpload(@PathParam("classGroupId") UUID classGroupId, @NotNull @Valid UploadInput in) {
        return Response.status(201).entity(log.offerAttachment(classGroupId, in)).build();
    }

    @POST
    @Path("/log-entries")
    @RolesAllowed(CurrentUser.TEACHER)
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LogEntryView.class)))
    public Response createLogEntry(@NotNull @Valid LogEntryInput in) {
        return Response.status(201).entity(log.create(in)).build();
    }

    @GET
    @Path("/log-entries/{entryId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE, CurrentUser.INSPECTOR})
    public LogEntryView getLogEntry(@PathParam("entryId") UUID entryId) {
        return log.get(entryId);
    }

    @PUT
    @Path("/log-entries/{entryId}")
    @RolesAllowed(CurrentUser.TEACHER)
    public LogEntryView updateLogEntry(@PathParam("entryId") UUID entryId, @NotNull @Valid LogEntryInput in) {
        return log.update(entryId, in);
    }

    @DELETE
    @Path("/log-entries/{entryId}")
    @RolesAllowed(CurrentUser.TEACHER)
    @APIResponse(responseCode = "204", description = "Deleted, with its attachments")
    public void deleteLogEntry(@PathParam("entryId") UUID entryId) {
        log.delete(entryId);
    }

    @GET
    @Path("/log-entries/{entryId}/attachments/{fileId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE, CurrentUser.INSPECTOR})
    public Download logEntryAttachment(@PathParam("entryId") UUID entryId, @PathParam("fileId") UUID fileId) {
        return log.attachment(entryId, fileId);
    }

    /** The class's cahier de textes from {@code from} to {@code to} (default: the last 30 days and the next 30). */
    @GET
    @Path("/classes/{classGroupId}/log")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE, CurrentUser.INSPECTOR})
    public List<LogEntryView> classLog(@PathParam("classGroupId") UUID classGroupId, @QueryParam("from") LocalDate from,
                                       @QueryParam("to") LocalDate to) {
        return log.ofClass(classGroupId, from, to);
    }
}
