package fr.ent.attendance.audit;

import fr.ent.audit.AuditTrailResource;
import fr.ent.directory.Relationships;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.UUID;

/**
 * {@code GET /api/attendance/schools/{schoolId}/audit}: who read or changed which pupil's attendance
 * data, for the school's staff (libs/audit). Recorded: reads of a pupil's record, of justifications
 * and their attachments, exports; absences, lateness and early departures recorded, cancelled or
 * given a reason; justifications submitted, accepted, refused.
 */
@Path("/api/attendance")
public class AuditResource extends AuditTrailResource {

    @Inject
    Relationships relationships;

    @Override
    protected void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }
}
