package fr.ent.timetable.change;

import fr.ent.timetable.lesson.Occurrence;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Staff change the occurrence of a lesson planned on {@code date}, or (scope FOLLOWING) it and the
 * later ones. Each answers the occurrences changed, as they now are.
 */
@Path("/api/timetable")
@RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
public class ChangeResource {

    private static final String OCCURRENCE = "/lessons/{lessonId}/occurrences/{date}";

    private final ChangeService service;

    public ChangeResource(ChangeService service) {
        this.service = service;
    }

    @POST
    @Path(OCCURRENCE + "/cancel")
    @APIResponse(responseCode = "409", description = "The occurrence is past or has begun")
    public List<Occurrence> cancel(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date,
                                   @Valid ChangeInputs.Cancel in) {
        return service.cancel(lessonId, date, in);
    }

    @POST
    @Path(OCCURRENCE + "/move")
    @APIResponse(responseCode = "409", description = "Past, cancelled, or a room, teacher or class is taken then")
    public List<Occurrence> move(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date,
                                 @NotNull @Valid ChangeInputs.Move in) {
        return service.move(lessonId, date, in);
    }

    @POST
    @Path(OCCURRENCE + "/room")
    @APIResponse(responseCode = "409", description = "Past, cancelled, or the room is taken then")
    public List<Occurrence> changeRoom(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date,
                                       @NotNull @Valid ChangeInputs.Room in) {
        return service.changeRoom(lessonId, date, in);
    }

    /** Undoes the cancellation of a future occurrence (409 occurrence-not-cancelled, or a clash since). */
    @POST
    @Path(OCCURRENCE + "/restore")
    @APIResponse(responseCode = "409", description = "Not cancelled, past, or a room, teacher or class is taken since")
    public Occurrence restore(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date) {
        return service.restore(lessonId, date);
    }

    @POST
    @Path(OCCURRENCE + "/substitute")
    @APIResponse(responseCode = "409", description = "Past, cancelled, or the substitute teaches elsewhere then")
    public List<Occurrence> substitute(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date,
                                       @NotNull @Valid ChangeInputs.Substitute in) {
        return service.substitute(lessonId, date, in);
    }
}
