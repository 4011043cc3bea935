package fr.ent.audit.testapp;

import fr.ent.audit.AuditTrailResource;
import jakarta.ws.rs.Path;

/** The trail, exposed the way a service exposes it. */
@Path("/api/test")
public class TestAuditResource extends AuditTrailResource {
}
