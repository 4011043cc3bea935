package fr.ent.messaging.mailbox;

import fr.ent.messaging.message.Views.Page;
import fr.ent.messaging.message.Views.UnreadCounts;
import fr.ent.web.CurrentUser;
import fr.ent.web.input.InputRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;

/** The caller's own mailbox: boxes, trash, personal folders, unread counts, search. */
@Path("/api/messaging")
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF})
public class MailboxResource {

    private final MailboxService service;

    public MailboxResource(MailboxService service) {
        this.service = service;
    }

    @GET
    @Path("/mailbox")
    public Page mailbox(@QueryParam("box") @DefaultValue("INBOX")
                        @Parameter(description = "INBOX, SENT, DRAFT or TRASH") @Size(max = 8) String box,
                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(InputRules.MAX_PAGE) int page,
                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(MailboxService.View.parse(box), page, size);
    }

    @GET
    @Path("/mailbox/unread")
    public UnreadCounts unread() {
        return service.unread();
    }

    @GET
    @Path("/search")
    public Page search(@QueryParam("q") @Size(max = 200) String q,
                       @QueryParam("page") @DefaultValue("0") @Min(0) @Max(InputRules.MAX_PAGE) int page,
                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.search(q, page, size);
    }

    @GET
    @Path("/folders")
    public List<Folder> folders() {
        return service.folders();
    }

    @POST
    @Path("/folders")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Folder.class)))
    @APIResponse(responseCode = "409", description = "A folder of that name exists")
    public Response createFolder(@NotNull @Valid FolderInput in) {
        return Response.status(Response.Status.CREATED).entity(service.createFolder(in)).build();
    }

    @DELETE
    @Path("/folders/{id}")
    @APIResponse(responseCode = "204", description = "Deleted; its messages are back in their boxes")
    public void deleteFolder(@PathParam("id") UUID id) {
        service.deleteFolder(id);
    }

    @GET
    @Path("/folders/{id}/messages")
    public Page folderMessages(@PathParam("id") UUID id,
                               @QueryParam("page") @DefaultValue("0") @Min(0) @Max(InputRules.MAX_PAGE) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.folder(id, page, size);
    }

    @PUT
    @Path("/messages/{id}/folder")
    @APIResponse(responseCode = "204", description = "Filed")
    public void moveToFolder(@PathParam("id") UUID id, @NotNull @Valid MoveInput in) {
        service.move(id, in);
    }
}
