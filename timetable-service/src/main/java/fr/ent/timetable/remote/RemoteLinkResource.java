package fr.ent.timetable.remote;

import fr.ent.timetable.change.Scope;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The video-class link (https only) of the occurrence planned on {@code date}, or (scope FOLLOWING)
 * of it and the later ones: the lesson's teachers and its school's staff. Answers the occurrences
 * as they now are, with the link.
 */
@Path("/api/timetable/lessons/{lessonId}/occurrences/{date}/remote-link")
@RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
public class RemoteLinkResource {

    private final RemoteLinkService service;

    public RemoteLinkResource(RemoteLinkService service) {
        this.service = service;
    }

    @PUT
    @APIResponse(responseCode = "400", description = "The url is not an https address (field url)")
    @APIResponse(responseCode = "409", description = "The occurrence is past or has begun")
    public List<Occurrence> set(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date, RemoteLinkInput in) {
        return service.set(lessonId, date, in);
    }

    @DELETE
    public List<Occurrence> remove(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date,
                                   @QueryParam("scope") Scope scope) {
        return service.remove(lessonId, date, scope);
    }
}
