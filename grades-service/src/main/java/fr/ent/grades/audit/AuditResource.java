package fr.ent.grades.audit;

import fr.ent.audit.AuditTrailResource;
import fr.ent.directory.Relationships;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.UUID;

/**
 * {@code GET /api/grades/schools/{schoolId}/audit}: who read or changed which pupil's marks, for the
 * school's staff (libs/audit). Recorded: marks entered or changed, reads of a pupil's marks,
 * averages, evolution and "what if".
 */
@Path("/api/grades")
public class AuditResource extends AuditTrailResource {

    @Inject
    Relationships relationships;

    @Override
    protected void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }
}
