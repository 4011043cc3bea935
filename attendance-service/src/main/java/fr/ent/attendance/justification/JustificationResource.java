package fr.ent.attendance.justification;

import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** Justifications: guardians send them, staff decide. */
@Path("/api/attendance")
public class JustificationResource {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final JustificationService service;

    public JustificationResource(JustificationService service) {
        this.service = service;
    }

    /**
     * A justification: a reason, an optional comment and an optional attachment (PDF, JPEG or PNG,
     * base64 in {@code attachment.content}; its type is read from its bytes, not its name).
     */
    @POST
    @Path("/entries/{entryId}/justifications")
    @RolesAllowed(CurrentUser.PARENT)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Justification.class)))
    @APIResponse(responseCode = "409", description = "The absence is already justified, or a justification is pending")
    public Response submit(@PathParam("entryId") UUID entryId, @NotNull @Valid SubmitJustification in) {
        byte[] content = null;
        String name = null;
        if (in.attachment() != null) {
            try {
                // Strict: the MIME decoder skips every character outside the alphabet, so text that
                // is not base64 decoded to noise and was refused as an unsupported file type (415).
                // Line breaks and spaces, which encoders add, are all that is tolerated.
                content = Base64.getDecoder().decode(WHITESPACE.matcher(in.attachment().content()).replaceAll(""));
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("attachment.content", "must be base64 (RFC 4648)");
            }
            name = in.attachment().fileName();
        }
        return Response.status(201).entity(service.submit(entryId, in.reasonId(), in.comment(), content, name)).build();
    }

    @GET
    @Path("/schools/{schoolId}/justifications")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<Justification> list(@PathParam("schoolId") UUID schoolId, @QueryParam("status") String status) {
        return service.ofSchool(schoolId, status);
    }

    @POST
    @Path("/justifications/{id}/accept")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(Justification.class)
    @APIResponse(responseCode = "409", description = "The justification is already decided")
    public Justification accept(@PathParam("id") UUID id) {
        return service.accept(id);
    }

    @POST
    @Path("/justifications/{id}/refuse")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponseSchema(Justification.class)
    @APIResponse(responseCode = "409", description = "The justification is already decided")
    public Justification refuse(@PathParam("id") UUID id) {
        return service.refuse(id);
    }

    @GET
    @Path("/justifications/{id}/attachment")
    @RolesAllowed({CurrentUser.PARENT, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "200", description = "The attached file, its type read from its bytes", content = {@Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response attachment(@PathParam("id") UUID id) {
        JustificationRepository.Attachment a = service.attachment(id);
        return Response.ok(a.content(), a.mediaType())
                .header("Content-Disposition", "attachment; filename=\"justificatif\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
