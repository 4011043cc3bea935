package fr.ent.homework.list;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** The pupil's list of work to do, and its done/to-do toggle. */
@Path("/api/homework/pupils/{pupilId}")
public class PupilListResource {

    private final PupilListService list;

    public PupilListResource(PupilListService list) {
        this.list = list;
    }

    /** The next 15 days (today included), by day and subject: the pupil, their guardians, their teachers and the staff. */
    @GET
    @Path("/todo")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public PupilList pupilTodo(@PathParam("pupilId") UUID pupilId) {
        return list.of(pupilId);
    }

    /** Done (true) or to do (false), by the pupil; idempotent. */
    @PUT
    @Path("/works/{workId}/done")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public DoneView setWorkDone(@PathParam("pupilId") UUID pupilId, @PathParam("workId") UUID workId, @NotNull @Valid DoneInput in) {
        return list.setDone(pupilId, workId, in.done());
    }
}
