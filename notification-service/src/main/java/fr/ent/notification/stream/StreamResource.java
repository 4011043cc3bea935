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

import fr.ent.web.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The signed-in person's own notifications, live (Server-Sent Events); each event's id is its inbox seq. */
@Path("/api/notification/stream")
// Any person has their own inbox, preferences, quiet slots, home and stream, an inspector too.
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
public class StreamResource {

    private final StreamHub hub;
    private final CurrentUser user;
    private final JsonWebToken token;
    private final ObjectMapper json;

    StreamResource(StreamHub hub, CurrentUser user, JsonWebToken token, ObjectMapper json) {
        this.hub = hub;
        this.user = user;
        this.token = token;
        this.json = json;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Server-Sent Events: one event `notification` per new notification, its id the inbox sequence; "
            + "at the token's expiry, an event `reconnect` with `{\"reason\":\"token-expired\"}`, then the stream ends: open it again with a fresh token and the Last-Event-ID",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING)))
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response,
                       @HeaderParam("Last-Event-ID") String lastEventId) {
        hub.subscribe(user.personId(), token.getExpirationTime(), parse(lastEventId), sink, response, sse);
    }

    /** This instance holds as many streams as it may: 503, and the client comes back later (or to another instance). */
    @ServerExceptionMapper
    Response full(StreamsFull e, HttpServerRequest request) throws JsonProcessingException {
        Problem problem = new Problem(Problem.typeOf("too-many-streams"), "Service unavailable", 503, e.getMessage(), request.path(), null);
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds)
                .entity(json.writeValueAsString(problem))
                .build();
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
