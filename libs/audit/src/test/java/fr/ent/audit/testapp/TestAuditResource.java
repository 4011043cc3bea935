package fr.ent.audit.testapp;

import fr.ent.audit.AuditTrailResource;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.UUID;

/** The trail, exposed the way a service exposes it (this test app has no directory: the token says). */
@Path("/api/test")
public class TestAuditResource extends AuditTrailResource {

    @Inject
    CurrentUser user;

    @Override
    protected void requireStaffOf(UUID schoolId) {
        if (!user.isStaffOf(schoolId)) {
            throw Problems.notFound("No school " + schoolId + ".");
        }
    }
}
