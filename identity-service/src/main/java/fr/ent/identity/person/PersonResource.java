package fr.ent.identity.person;

import fr.ent.identity.common.Page;
import fr.ent.identity.person.PersonService.PersonInput;
import fr.ent.identity.person.PersonService.PersonView;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

@Path("/api/identity")
public class PersonResource {

    private final PersonService people;

    public PersonResource(PersonService people) {
        this.people = people;
    }

    @POST
    @Path("people")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonView.class)), headers = @Header(name = "Location", description = "Where to read it", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response createPerson(PersonInput in) {
        PersonView p = people.create(in);
        return Response.created(URI.create("/api/identity/people/" + p.id())).entity(p).build();
    }

    /** The people of a school (staff: their schools only), by role and name. */
    @GET
    @Path("people")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF})
    public Page<PersonView> listPerson(@QueryParam("schoolId") UUID schoolId, @QueryParam("role") String role,
                                 @QueryParam("q") String q, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size) {
        return people.list(schoolId, role, q, Page.page(page), Page.size(size));
    }

    @GET
    @Path("people/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER, CurrentUser.PARENT, CurrentUser.PUPIL})
    public PersonView getPerson(@PathParam("id") UUID id) {
        return people.get(id);
    }

    @PUT
    @Path("people/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public PersonView updatePerson(@PathParam("id") UUID id, PersonInput in) {
        return people.update(id, in);
    }

    /** Disables the account: it can no longer sign in (Keycloak follows). */
    @POST
    @Path("people/{id}/disable")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public PersonView disable(@PathParam("id") UUID id) {
        return people.setActive(id, false);
    }

    @POST
    @Path("people/{id}/enable")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public PersonView enable(@PathParam("id") UUID id) {
        return people.setActive(id, true);
    }
}
