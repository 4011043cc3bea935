package fr.ent.identity.audit;

import fr.ent.audit.AuditTrailResource;
import fr.ent.identity.school.SchoolService;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.ws.rs.Path;

import java.util.UUID;

/**
 * {@code GET /api/identity/schools/{schoolId}/audit}: who read which pupil's directory data (the
 * pupil, their guardians, a guardian's children) and who changed which guardianship, for the school's
 * staff (libs/audit).
 */
@Path("/api/identity")
public class AuditResource extends AuditTrailResource {

    private final SchoolService schools;
    private final CurrentUser me;

    public AuditResource(SchoolService schools, CurrentUser me) {
        this.schools = schools;
        this.me = me;
    }

    @Override
    protected void requireStaffOf(UUID schoolId) {
        schools.find(schoolId); // 404 for a school that does not exist, or that the caller does not see
        if (!me.isStaffOf(schoolId)) {
            throw Problems.notFound("No school " + schoolId);
        }
    }
}
