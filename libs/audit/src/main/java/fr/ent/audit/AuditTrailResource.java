package fr.ent.audit;

import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.input.InputRules;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code GET <prefix>/schools/{schoolId}/audit?pupilId=&from=&to=&page=&size=}: a school's trail for
 * its staff (and administrators); anyone else, the staff of another school included, and everyone for
 * a school that does not exist, gets a 404. A service exposes it under its own prefix with one class,
 * which says who is staff of the school through the service's own relationship checks:
 *
 * <pre>{@code
 * @Path("/api/attendance")
 * public class AuditResource extends AuditTrailResource {
 *     @Inject
 *     Relationships relationships;
 *
 *     @Override
 *     protected void requireStaffOf(UUID schoolId) {
 *         relationships.requireStaffOf(schoolId);
 *     }
 * }
 * }</pre>
 *
 * {@code from} and {@code to} are school days, both included, in the schools' time zone.
 */
public abstract class AuditTrailResource {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    @Inject
    AuditTrail trail;

    @Inject
    SchoolClock clock;

    @GET
    @Path("/schools/{schoolId}/audit")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    // an inherited method's @RolesAllowed does not reach the OpenAPI document: say it here
    @SecurityRequirement(name = "SecurityScheme", scopes = {CurrentUser.STAFF, CurrentUser.ADMIN})
    public AuditPage auditTrail(@PathParam("schoolId") UUID schoolId, @QueryParam("pupilId") UUID pupilId,
                                @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        requireStaffOf(schoolId);
        if (from != null && to != null && to.isBefore(from)) {
            throw Problems.badRequest("period-inverted", "The period ends (to) before it starts (from).");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw Problems.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        int s = size == null ? DEFAULT_SIZE : size;
        return trail.ofSchool(schoolId, pupilId, from == null ? null : clock.at(from.atStartOfDay()),
                to == null ? null : clock.at(to.plusDays(1).atStartOfDay()), InputRules.page(page), s);
    }

    /**
     * Returns if the caller is staff of this school (an administrator is), and the school exists;
     * otherwise throws a 404.
     */
    protected abstract void requireStaffOf(UUID schoolId);
}
