package fr.ent.notification.push;

import fr.ent.notification.push.PushSubscriptionRepository.Device;
import fr.ent.notification.push.PushSubscriptions.Subscription;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** The caller's own devices with push turned on. There is no way to name another person's. */
@Path("/api/notification/me/push-subscriptions")
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
public class PushSubscriptionResource {

    private final PushSubscriptions subscriptions;
    private final CurrentUser user;

    PushSubscriptionResource(PushSubscriptions subscriptions, CurrentUser user) {
        this.subscriptions = subscriptions;
        this.user = user;
    }

    @GET
    public List<Device> myPushSubscriptions() {
        return subscriptions.devicesOf(user.personId());
    }

    @PUT
    @APIResponse(responseCode = "200", description = "The device, registered or refreshed")
    @APIResponse(responseCode = "422", description = "An endpoint that is not https, or keys of the wrong length (the field is named)")
    @APIResponse(responseCode = "404", description = "Push is not configured on this platform")
    public Device registerPushSubscription(Subscription subscription, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return subscriptions.register(user.personId(), subscription, userAgent);
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Forgotten: nothing more is pushed to that device")
    @APIResponse(responseCode = "404", description = "No device of the caller's at that endpoint")
    public void forgetPushSubscription(@QueryParam("endpoint") String endpoint) {
        subscriptions.forget(user.personId(), endpoint);
    }
}
