package fr.ent.homework.audit;

import fr.ent.audit.AuditTrailResource;
import fr.ent.directory.Relationships;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.util.UUID;

/**
 * {@code GET /api/homework/schools/{schoolId}/audit}: who of the school side read which pupil's
 * homework data, for the school's staff (libs/audit). Recorded: a pupil's hand-in and its files,
 * a work's hand-in status and archive (one entry per pupil), a pupil's list. A pupil's or a
 * guardian's own reads are not recorded.
 */
@Path("/api/homework")
public class AuditResource extends AuditTrailResource {

    @Inject
    Relationships relationships;

    @Override
    protected void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }
}
