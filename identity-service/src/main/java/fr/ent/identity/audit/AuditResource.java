package fr.ent.identity.audit;

import fr.ent.audit.AuditTrailResource;
import jakarta.ws.rs.Path;

/**
 * {@code GET /api/identity/schools/{schoolId}/audit}: who read which pupil's directory data (the
 * pupil, their guardians, a guardian's children) and who changed which guardianship, for the school's
 * staff (libs/audit).
 */
@Path("/api/identity")
public class AuditResource extends AuditTrailResource {
}
