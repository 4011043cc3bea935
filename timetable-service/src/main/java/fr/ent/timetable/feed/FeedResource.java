package fr.ent.timetable.feed;

import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Each person's private iCalendar feed: created (or replaced) and revoked when signed in; read by
 * calendar apps without signing in, by the secret in its URL (the gateway lists
 * {@code /api/timetable/feeds/} among its public paths, with its anonymous rate limits).
 */
@Path("/api/timetable")
public class FeedResource {

    static final String CALENDAR = "text/calendar; charset=utf-8";

    private final FeedService service;

    public FeedResource(FeedService service) {
        this.service = service;
    }

    @GET
    @Path("/me/feed")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF})
    public FeedService.Status status() {
        return service.status();
    }

    /** A new private URL; the previous one stops working. */
    @POST
    @Path("/me/feed")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF})
    public FeedService.Link rotate() {
        return service.rotate();
    }

    @DELETE
    @Path("/me/feed")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF})
    public void revoke() {
        service.revoke();
    }

    /** {@code {token}.ics}. Unknown and revoked tokens are the same 404. */
    @GET
    @Path("/feeds/{file}")
    @PermitAll
    @Produces(CALENDAR)
    @APIResponse(responseCode = "404", description = "Unknown or revoked feed")
    public Response feed(@PathParam("file") String file, @HeaderParam("If-None-Match") String ifNoneMatch) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : "";
        String ics = service.feed(token).orElseThrow(() -> Relationships.notYours("Calendrier introuvable."));
        EntityTag tag = new EntityTag(etag(ics));
        if (ifNoneMatch != null && ifNoneMatch.contains(tag.getValue())) {
            return Response.notModified(tag).header("Cache-Control", "private, no-cache").build();
        }
        return Response.ok(ics, CALENDAR).tag(tag).header("Cache-Control", "private, no-cache").build();
    }

    /** The content's digest, DTSTAMP lines aside (they carry the time of the request). */
    static String etag(String ics) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ics.lines().filter(l -> !l.startsWith("DTSTAMP:"))
                    .forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
