package fr.ent.audit.testapp;

import fr.ent.audit.AuditTrail;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.UUID;

/** A pretend service: a read and a change of a pupil's data, each recorded with one call. */
@Path("/api/test/schools/{schoolId}/pupils/{pupilId}")
public class PupilNotes {

    @Inject
    AuditTrail audit;

    @GET
    @RolesAllowed({"staff", "parent", "teacher", "service"})
    public String read(@PathParam("schoolId") UUID schoolId, @PathParam("pupilId") UUID pupilId) {
        audit.read(schoolId, pupilId, "test.pupil.read");
        return "Fièvre";
    }

    @POST
    @Transactional
    @RolesAllowed("staff")
    public String change(@PathParam("schoolId") UUID schoolId, @PathParam("pupilId") UUID pupilId,
                         @QueryParam("fail") Boolean fail) {
        audit.changed(schoolId, pupilId, "test.note.changed", pupilId);
        if (Boolean.TRUE.equals(fail)) {
            throw new IllegalStateException("the change fails after its entry was written");
        }
        return "ok";
    }
}
