package fr.ent.notification.stream;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The signed-in person's own notifications, live (Server-Sent Events); each event's id is its inbox seq. */
@Path("/api/notification/stream")
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
public class StreamResource {

    private final StreamHub hub;
    private final CurrentUser user;

    StreamResource(StreamHub hub, CurrentUser user) {
        this.hub = hub;
        this.user = user;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Server-Sent Events: one event per new notification, its id the inbox sequence", content = @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING)))
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        hub.subscribe(user.personId(), parse(lastEventId), sink, sse);
    }

    /** A Last-Event-ID we did not hand out is ignored: the stream starts from now. */
    private static Optional<Long> parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(lastEventId.trim());
            return seq >= 0 ? Optional.of(seq) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
