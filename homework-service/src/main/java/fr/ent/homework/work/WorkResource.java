package fr.ent.homework.work;

import fr.ent.files.Download;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Work to do, and a class's workload on a day. */
@Path("/api/homework")
public class WorkResource {

    private final WorkService works;

    public WorkResource(WorkService works) {
        this.works = works;
    }

    /** Sets work; the answer gives the class's load on its due day, with a warning above the school's thresholds. */
    @POST
    @Path("/works")
    @RolesAllowed(CurrentUser.TEACHER)
    @APIResponse(responseCode = "201", description = "Set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkSetView.class)))
    public Response setWork(@NotNull @Valid WorkInput in) {
        return Response.status(201).entity(works.create(in)).build();
    }

    @GET
    @Path("/works/{workId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public WorkView getWork(@PathParam("workId") UUID workId) {
        return works.get(workId);
    }

    @GET
    @Path("/works/{workId}/attachments/{fileId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public Download workAttachment(@PathParam("workId") UUID workId, @PathParam("fileId") UUID fileId) {
        return works.attachment(workId, fileId);
    }

    /** The work of a class or group due from {@code from} (default today) to {@code to} (default 30 days later). */
    @GET
    @Path("/classes/{classGroupId}/works")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public List<WorkView> classWorks(@PathParam("classGroupId") UUID classGroupId, @QueryParam("from") LocalDate from,
                                     @QueryParam("to") LocalDate to) {
        return works.ofClass(classGroupId, from, to);
    }

    /** The class's or group's load on {@code day}: work due, minutes, tests, warnings. */
    @GET
    @Path("/classes/{classGroupId}/workload")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public Workload classWorkload(@PathParam("classGroupId") UUID classGroupId, @QueryParam("day") LocalDate day) {
        return works.workload(classGroupId, day);
    }
}
