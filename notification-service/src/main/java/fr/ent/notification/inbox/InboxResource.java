package fr.ent.notification.inbox;

import fr.ent.web.CurrentUser;
import fr.ent.web.input.InputRules;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The signed-in person's own inbox; there is no way to name anyone else's. */
@Path("/api/notification/inbox")
// Any person has their own inbox, preferences, quiet slots, home and stream, an inspector too.
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
public class InboxResource {

    public record Marked(int marked) {
    }

    private final Inbox inbox;
    private final CurrentUser user;

    InboxResource(Inbox inbox, CurrentUser user) {
        this.inbox = inbox;
        this.user = user;
    }

    @GET
    public Inbox.Page page(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(InputRules.MAX_PAGE) int page,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                           @QueryParam("childId") UUID childId,
                           @QueryParam("unread") @DefaultValue("false") boolean unreadOnly) {
        return inbox.page(user.personId(), Optional.ofNullable(childId), unreadOnly, page, size);
    }

    @GET
    @Path("/unread-count")
    public Inbox.UnreadCount unread() {
        return inbox.unread(user.personId());
    }

    @POST
    @Path("/{id}/read")
    @APIResponse(responseCode = "204", description = "Marked as read")
    public void markRead(@PathParam("id") UUID id) {
        if (!inbox.markRead(user.personId(), id)) {
            throw Problems.notFound("Notification " + id + " introuvable.");
        }
    }

    @POST
    @Path("/read-all")
    public Marked markAllRead(@QueryParam("childId") UUID childId) {
        return new Marked(inbox.markAllRead(user.personId(), Optional.ofNullable(childId)));
    }
}
