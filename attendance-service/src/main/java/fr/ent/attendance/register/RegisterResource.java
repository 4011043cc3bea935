package fr.ent.attendance.register;

import fr.ent.events.IdempotentRequests;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Registers (appel) of lessons. Teachers of the class or group, and the school's staff. */
@Path("/api/attendance")
public class RegisterResource {

    private final RegisterService service;
    private final RegisterViews views;
    private final LessonRollCalls lessons;

    public RegisterResource(RegisterService service, RegisterViews views, LessonRollCalls lessons) {
        this.service = service;
        this.views = views;
        this.lessons = lessons;
    }

    /** Opens the register of a lesson (201, or 200 when it exists); with marks, takes the roll call. */
    @POST
    @Path("/registers")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "200", description = "The lesson's register existed already (or the request was replayed)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisterView.class)))
    @APIResponse(responseCode = "201", description = "The register is opened", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisterView.class)))
    @APIResponse(responseCode = "409", description = "The roll call was already taken, or the Idempotency-Key was used for another request")
    public Response open(@NotNull @Valid OpenRegister in, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return answer(service.open(in, key));
    }

    @GET
    @Path("/registers/{id}")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public RegisterView get(@PathParam("id") UUID id) {
        return views.get(id);
    }

    /** The roll call of the whole class or group, once; a retry with the same Idempotency-Key replays the answer. */
    @PUT
    @Path("/registers/{id}/marks")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "200", description = "The roll call is taken (or the request was replayed)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegisterView.class)))
    @APIResponse(responseCode = "409", description = "The roll call was already taken, or the Idempotency-Key was used for another request")
    public Response submitRegister(@PathParam("id") UUID id, @NotNull @Valid SubmitMarks in,
                                   @HeaderParam(IdempotentRequests.HEADER) String key) {
        return answer(service.submit(id, in, key));
    }

    @PATCH
    @Path("/registers/{id}/marks/{pupilId}")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(RegisterView.class)
    @APIResponse(responseCode = "409", description = "The register is validated, or its roll call not taken yet")
    public RegisterView change(@PathParam("id") UUID id, @PathParam("pupilId") UUID pupilId, @NotNull @Valid ChangeMark in) {
        return service.changeMark(id, pupilId, in);
    }

    @GET
    @Path("/registers/{id}/marks/{pupilId}/history")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<MarkChange> history(@PathParam("id") UUID id, @PathParam("pupilId") UUID pupilId) {
        return views.history(id, pupilId);
    }

    @POST
    @Path("/registers/{id}/validate")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(RegisterView.class)
    @APIResponse(responseCode = "409", description = "The roll call is not taken yet")
    public RegisterView validate(@PathParam("id") UUID id) {
        return service.validate(id);
    }

    @POST
    @Path("/registers/{id}/reopen")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(RegisterView.class)
    @APIResponse(responseCode = "409", description = "The register is not validated")
    public RegisterView reopen(@PathParam("id") UUID id) {
        return service.reopen(id);
    }

    /** Today's (or that day's) registers opened and never taken. */
    @GET
    @Path("/schools/{schoolId}/registers/forgotten")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<RegisterView> forgotten(@PathParam("schoolId") UUID schoolId, @QueryParam("date") LocalDate date) {
        return views.forgotten(schoolId, date);
    }

    /** The teacher's lessons of the day (timetable-service's) with their registers: the roll calls to take. */
    @GET
    @Path("/teachers/{teacherId}/lessons")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<LessonRollCall> teacherLessons(@PathParam("teacherId") UUID teacherId, @QueryParam("date") LocalDate date) {
        return lessons.ofTeacher(teacherId, date);
    }

    /** The school's lessons of the day that have ended without their roll call, cancelled ones excluded. */
    @GET
    @Path("/schools/{schoolId}/forgotten-registers")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<LessonRollCall> forgottenRegisters(@PathParam("schoolId") UUID schoolId, @QueryParam("date") LocalDate date) {
        return lessons.forgotten(schoolId, date);
    }

    /** A class's day: every register of its lessons with every pupil's mark. */
    @GET
    @Path("/classes/{groupId}/day")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<RegisterView> classDay(@PathParam("groupId") UUID groupId, @QueryParam("date") LocalDate date) {
        return views.classDay(groupId, date);
    }

    private static Response answer(RegisterService.Outcome outcome) {
        Response.ResponseBuilder response = Response.status(outcome.created() ? 201 : 200)
                .entity(outcome.register()).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
