package fr.ent.timetable.importing;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * Staff import their school's timetable from a CSV or iCalendar file (the body, as text/csv or
 * text/calendar). {@code ?dryRun=true}: the report, nothing written. Otherwise 202 and the job to
 * follow at {@code Location}; a line that fails already: 422 with the report, nothing written.
 */
@Path("/api/timetable/schools/{schoolId}/imports")
@RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
public class ImportResource {

    public static final String CSV = "text/csv";
    public static final String ICALENDAR = "text/calendar";

    private final ImportService service;

    public ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @Consumes({CSV, ICALENDAR})
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Dry run: the report")
    @APIResponse(responseCode = "202", description = "The apply started: follow Location")
    @APIResponse(responseCode = "400", description = "Malformed file, not UTF-8, or too many lines")
    @APIResponse(responseCode = "413", description = "File larger than the service's body limit")
    @APIResponse(responseCode = "422", description = "A line fails: the report names its line and field; nothing written")
    public Response importTimetable(@PathParam("schoolId") UUID schoolId, @QueryParam("dryRun") boolean dryRun,
                                   @Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        MediaType type = headers.getMediaType();
        boolean calendar = type != null && type.isCompatible(MediaType.valueOf(ICALENDAR));
        ImportService.Upload upload = service.read(schoolId, body == null ? new byte[0] : body, calendar);
        if (dryRun) {
            return Response.ok(service.dryRun(schoolId, upload)).build();
        }
        ImportService.Started started = service.start(schoolId, upload);
        if (started.rejected() != null) {
            return Response.status(422).entity(started.rejected()).build();
        }
        return Response.accepted(started.job())
                .location(uri.getAbsolutePathBuilder().path(started.job().id().toString()).build()).build();
    }

    /** The job: QUEUED, RUNNING (processed of total lines), DONE or FAILED, with its report once finished. */
    @GET
    @Path("/{importId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportView job(@PathParam("schoolId") UUID schoolId, @PathParam("importId") UUID importId) {
        return service.job(schoolId, importId);
    }
}
