package fr.ent.notification.push;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The platform's VAPID public key, for the browser's {@code pushManager.subscribe({applicationServerKey})}. */
@Path("/api/notification/push/public-key")
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
public class PushKeyResource {

    public record PublicKey(String publicKey) {
    }

    private final VapidIdentity vapid;

    PushKeyResource(VapidIdentity vapid) {
        this.vapid = vapid;
    }

    @GET
    @APIResponse(responseCode = "200", description = "The VAPID public key, base64url (65 bytes, uncompressed P-256)")
    @APIResponse(responseCode = "404", description = "Push is not configured on this platform")
    public PublicKey pushPublicKey() {
        return new PublicKey(vapid.publicKey());
    }
}
