package fr.ent.identity.enrolment;

import fr.ent.identity.enrolment.EnrolmentService.EnrolInput;
import fr.ent.identity.enrolment.EnrolmentService.EnrolmentChange;
import fr.ent.identity.enrolment.EnrolmentService.EnrolmentView;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

@Path("/api/identity")
public class EnrolmentResource {

    private final EnrolmentService enrolments;

    public EnrolmentResource(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @POST
    @Path("enrolments")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnrolmentView.class)), headers = @Header(name = "Location", description = "Where to read it", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "409", description = "The pupil already has an enrolment at that time")
    public Response enrol(EnrolInput in) {
        EnrolmentView e = enrolments.enrol(in);
        return Response.created(URI.create("/api/identity/enrolments/" + e.id())).entity(e).build();
    }

    /** Changes the groups, or ends the enrolment on a day ({@code endsOn}). */
    @PATCH
    @Path("enrolments/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public EnrolmentView changeEnrolment(@PathParam("id") UUID id, EnrolmentChange in) {
        return enrolments.change(id, in);
    }

    @DELETE
    @Path("enrolments/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public void withdraw(@PathParam("id") UUID id) {
        enrolments.withdraw(id);
    }

    @GET
    @Path("people/{id}/enrolments")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER, CurrentUser.PARENT, CurrentUser.PUPIL})
    public List<EnrolmentView> ofPupil(@PathParam("id") UUID id) {
        return enrolments.ofPupil(id);
    }
}
