package fr.ent.messaging.message;

import fr.ent.messaging.message.Views.ConversationView;
import fr.ent.messaging.message.Views.MessageView;
import fr.ent.messaging.message.Views.Sent;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.UUID;

/**
 * A person's messages: write, reply, forward, recall, drafts, read state, trash. Every operation
 * is about the caller's own mailbox: a token without a person is refused (403), a message one does
 * not hold is a 404.
 */
@Path("/api/messaging")
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF})
public class MessageResource {

    private final MessageService service;

    public MessageResource(MessageService service) {
        this.service = service;
    }

    @POST
    @Path("/messages")
    @APIResponse(responseCode = "201", description = "Sent to every recipient",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Sent.class)))
    @APIResponse(responseCode = "422", description = "A recipient the sender may not write to (each one named); nothing sent")
    public Response sendMessage(@NotNull @Valid MessageInput in) {
        return Response.status(Response.Status.CREATED).entity(service.send(in)).build();
    }

    @GET
    @Path("/messages/{id}")
    public MessageView message(@PathParam("id") UUID id) {
        return service.read(id);
    }

    @GET
    @Path("/messages/{id}/attachments/{fileId}")
    public fr.ent.files.Download attachment(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        return service.attachment(id, fileId);
    }

    @POST
    @Path("/messages/{id}/reply")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Sent.class)))
    @APIResponse(responseCode = "422", description = "A recipient the sender may not write to; nothing sent")
    public Response reply(@PathParam("id") UUID id, @NotNull @Valid ReplyInput in) {
        return Response.status(Response.Status.CREATED).entity(service.reply(id, in)).build();
    }

    @POST
    @Path("/messages/{id}/forward")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Sent.class)))
    @APIResponse(responseCode = "422", description = "A recipient the sender may not write to; nothing sent")
    public Response forward(@PathParam("id") UUID id, @NotNull @Valid ForwardInput in) {
        return Response.status(Response.Status.CREATED).entity(service.forward(id, in)).build();
    }

    @POST
    @Path("/messages/{id}/recall")
    @APIResponse(responseCode = "409", description = "Too late (10 minutes) or already read")
    @APIResponseSchema(MessageView.class)
    public MessageView recall(@PathParam("id") UUID id) {
        return service.recall(id);
    }

    @POST
    @Path("/messages/{id}/read")
    @APIResponse(responseCode = "204", description = "Marked read")
    public void markRead(@PathParam("id") UUID id) {
        service.markRead(id, true);
    }

    @DELETE
    @Path("/messages/{id}/read")
    @APIResponse(responseCode = "204", description = "Marked unread")
    public void markUnread(@PathParam("id") UUID id) {
        service.markRead(id, false);
    }

    @POST
    @Path("/messages/{id}/trash")
    @APIResponse(responseCode = "204", description = "In the trash")
    public void trash(@PathParam("id") UUID id) {
        service.trash(id);
    }

    @POST
    @Path("/messages/{id}/restore")
    @APIResponse(responseCode = "204", description = "Out of the trash")
    public void restore(@PathParam("id") UUID id) {
        service.restore(id);
    }

    @GET
    @Path("/conversations/{id}")
    public ConversationView conversation(@PathParam("id") UUID id) {
        return service.conversation(id);
    }

    @POST
    @Path("/drafts")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)))
    public Response createDraft(@NotNull @Valid MessageInput in) {
        return Response.status(Response.Status.CREATED).entity(service.createDraft(in)).build();
    }

    @PUT
    @Path("/drafts/{id}")
    @APIResponse(responseCode = "409", description = "Already sent")
    @APIResponseSchema(MessageView.class)
    public MessageView saveDraft(@PathParam("id") UUID id, @NotNull @Valid MessageInput in) {
        return service.saveDraft(id, in);
    }

    @POST
    @Path("/drafts/{id}/send")
    @APIResponse(responseCode = "201", description = "Sent",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Sent.class)))
    @APIResponse(responseCode = "422", description = "A recipient the sender may not write to; nothing sent")
    public Response sendDraft(@PathParam("id") UUID id) {
        return Response.status(Response.Status.CREATED).entity(service.sendDraft(id)).build();
    }

    @DELETE
    @Path("/drafts/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteDraft(@PathParam("id") UUID id) {
        service.deleteDraft(id);
    }
}
