package fr.ent.timetable.lesson;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A school's lessons as planned: staff plan them (and add exceptional ones), staff and teachers read them. */
@Path("/api/timetable")
public class LessonResource {

    private final LessonService service;
    private final LessonLifecycle lifecycle;

    public LessonResource(LessonService service, LessonLifecycle lifecycle) {
        this.service = service;
        this.lifecycle = lifecycle;
    }

    /** The lessons planned between two dates (either may be left out). */
    @GET
    @Path("/schools/{schoolId}/lessons")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<LessonView> listLessons(@PathParam("schoolId") UUID schoolId, @QueryParam("from") LocalDate from,
                                 @QueryParam("to") LocalDate to) {
        LocalDate start = from == null ? LocalDate.of(2000, 1, 1) : from;
        return service.list(schoolId, start, to == null ? LocalDate.of(2199, 12, 31) : to);
    }

    @POST
    @Path("/schools/{schoolId}/lessons")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Planned",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LessonView.class)))
    @APIResponse(responseCode = "409", description = "A room, teacher or class is taken at that time, or the first occurrence is past")
    public Response planLesson(@PathParam("schoolId") UUID schoolId, @NotNull @Valid LessonInput in) {
        return Response.status(Response.Status.CREATED).entity(service.create(schoolId, in, false)).build();
    }

    /** A lesson added as a change (once, in the future): shown as "added" and announced. */
    @POST
    @Path("/schools/{schoolId}/exceptional-lessons")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = LessonView.class)))
    @APIResponse(responseCode = "409", description = "A room, teacher or class is taken at that time, or the day is past")
    public Response addExceptional(@PathParam("schoolId") UUID schoolId, @NotNull @Valid LessonInput in) {
        return Response.status(Response.Status.CREATED).entity(service.create(schoolId, in, true)).build();
    }

    /** Replaces the lesson's plan from {@code from} (the past keeps the old one): answers the new lesson. */
    @PUT
    @Path("/lessons/{lessonId}")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "An occurrence from that day has begun, or the new plan clashes")
    public LessonView editLesson(@PathParam("lessonId") UUID lessonId, @NotNull @QueryParam("from") LocalDate from,
                                 @NotNull @Valid LessonInput in) {
        return lifecycle.edit(lessonId, from, in);
    }

    /** Ends the lesson from {@code from}: its occurrences from that day disappear (204 when it never took place). */
    @POST
    @Path("/lessons/{lessonId}/end")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "An occurrence from that day has begun")
    public Response endLesson(@PathParam("lessonId") UUID lessonId, @NotNull @Valid EndInput in) {
        return lifecycle.end(lessonId, in.from()).map(v -> Response.ok(v).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** From which day a lesson ends. */
    public record EndInput(@NotNull LocalDate from) {
    }

    @GET
    @Path("/lessons/{lessonId}")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public LessonView lesson(@PathParam("lessonId") UUID lessonId) {
        return service.get(lessonId);
    }

    /** The occurrence planned that day, as it really happens. */
    @GET
    @Path("/lessons/{lessonId}/occurrences/{date}")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public Occurrence occurrence(@PathParam("lessonId") UUID lessonId, @PathParam("date") LocalDate date) {
        return service.occurrence(lessonId, date);
    }
}
