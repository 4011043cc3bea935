package fr.ent.timetable.audit;

import fr.ent.audit.AuditTrailResource;
import fr.ent.directory.Relationships;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.UUID;

/**
 * {@code GET /api/timetable/schools/{schoolId}/audit}: who read which pupil's week, for the school's
 * staff (libs/audit). Recorded: reads of a pupil's week.
 */
@Path("/api/timetable")
public class AuditResource extends AuditTrailResource {

    @Inject
    Relationships relationships;

    @Override
    protected void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }
}
