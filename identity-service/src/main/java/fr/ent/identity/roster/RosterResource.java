package fr.ent.identity.roster;

import fr.ent.identity.roster.RosterImports.Files;
import fr.ent.identity.roster.RosterImports.InvalidRoster;
import fr.ent.identity.roster.RosterImports.JobView;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * CSV roster import (multipart form: parts {@code classes}, {@code pupils}, {@code guardians},
 * {@code teachers}, each optional). Answers 202 with the job to follow; 400 with every bad line.
 */
@Path("/api/identity")
public class RosterResource {

    private final RosterImports imports;

    public RosterResource(RosterImports imports) {
        this.imports = imports;
    }

    @POST
    @Path("schools/{schoolId}/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "202", description = "The import is started; follow it at Location", content = @Content(mediaType = "application/json", schema = @Schema(implementation = JobView.class)), headers = @Header(name = "Location", description = "Where to read it", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    public Response start(@PathParam("schoolId") UUID schoolId, @QueryParam("dryRun") boolean dryRun,
                          @QueryParam("schoolYear") String schoolYear, @QueryParam("startsOn") LocalDate startsOn,
                          @RestForm("classes") FileUpload classes, @RestForm("pupils") FileUpload pupils,
                          @RestForm("guardians") FileUpload guardians, @RestForm("teachers") FileUpload teachers,
                          @Context UriInfo uri) {
        try {
            JobView job = imports.start(schoolId, dryRun, schoolYear, startsOn,
                    new Files(bytes(classes), bytes(pupils), bytes(guardians), bytes(teachers)));
            return Response.accepted(job).location(URI.create("/api/identity/imports/" + job.id())).build();
        } catch (InvalidRoster e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://ent.example/problems/roster-invalid");
            problem.put("title", "Invalid roster files");
            problem.put("status", 400);
            problem.put("detail", e.getMessage() + "; nothing was imported");
            problem.put("instance", uri.getPath());
            problem.put("errors", e.errors);
            return Response.status(400).type("application/problem+json").entity(problem).build();
        }
    }

    @GET
    @Path("imports/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public JobView getRoster(@PathParam("id") UUID id) {
        return imports.get(id);
    }

    private static byte[] bytes(FileUpload f) {
        if (f == null || f.uploadedFile() == null) return null;
        try {
            return java.nio.file.Files.readAllBytes(f.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
