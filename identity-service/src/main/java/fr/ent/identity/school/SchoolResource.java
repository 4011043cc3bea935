package fr.ent.identity.school;

import fr.ent.identity.common.Page;
import fr.ent.identity.school.SchoolService.SchoolInput;
import fr.ent.identity.school.SchoolService.SchoolView;
import fr.ent.identity.school.SchoolService.YearInput;
import fr.ent.identity.school.SchoolService.YearView;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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
public class SchoolResource {

    private final SchoolService schools;

    public SchoolResource(SchoolService schools) {
        this.schools = schools;
    }

    @POST
    @Path("schools")
    @RolesAllowed(CurrentUser.ADMIN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolView.class)), headers = @Header(name = "Location", description = "Where to read it", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "409", description = "A school with that UAI exists")
    public Response createSchool(SchoolInput in) {
        SchoolView s = schools.create(in);
        return Response.created(URI.create("/api/identity/schools/" + s.id())).entity(s).build();
    }

    @GET
    @Path("schools")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER})
    public Page<SchoolView> listSchool(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return schools.list(Page.page(page), Page.size(size));
    }

    @GET
    @Path("schools/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER, CurrentUser.PARENT, CurrentUser.PUPIL})
    public SchoolView getSchool(@PathParam("id") UUID id) {
        return schools.get(id);
    }

    @PUT
    @Path("schools/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "409", description = "A school with that UAI exists")
    public SchoolView updateSchool(@PathParam("id") UUID id, SchoolInput in) {
        return schools.update(id, in);
    }

    @POST
    @Path("schools/{id}/years")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = YearView.class)))
    @APIResponse(responseCode = "409", description = "The school year exists")
    public Response addYear(@PathParam("id") UUID id, YearInput in) {
        YearView y = schools.addYear(id, in);
        return Response.status(201).entity(y).build();
    }

    @GET
    @Path("schools/{id}/years")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER, CurrentUser.PARENT, CurrentUser.PUPIL})
    public List<YearView> years(@PathParam("id") UUID id) {
        return schools.years(id);
    }
}
