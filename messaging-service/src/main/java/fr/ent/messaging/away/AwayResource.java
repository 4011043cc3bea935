package fr.ent.messaging.away;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's own absence and auto-reply. */
@Path("/api/messaging/me/away")
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF})
public class AwayResource {

    private final Away away;

    public AwayResource(Away away) {
        this.away = away;
    }

    @GET
    @APIResponse(responseCode = "204", description = "No absence set")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema(AwayInput.class)
    public AwayInput myAway() {
        return away.mine().orElse(null);
    }

    @PUT
    public AwayInput setAway(@NotNull @Valid AwayInput in) {
        return away.set(in);
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Cleared")
    public void clearAway() {
        away.clear();
    }
}
