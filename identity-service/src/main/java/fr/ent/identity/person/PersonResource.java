package fr.ent.identity.person;

import fr.ent.identity.common.Page;
import fr.ent.identity.person.PersonService.PersonInput;
import fr.ent.identity.person.PersonService.PersonView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

    @Inject PersonService people;

    @POST
    @Path("people")
    @RolesAllowed({"admin", "staff", "integration-write"})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonView.class)), headers = @Header(name = "Location", description = "Where to read it", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(PersonInput in) {
        PersonView p = people.create(in);
        return Response.created(URI.create("/api/identity/people/" + p.id())).entity(p).build();
    }

    /** The people of a school (staff: their schools only), by role and name. */
    @GET
    @Path("people")
    @RolesAllowed({"admin", "service", "staff"})
    public Page<PersonView> list(@QueryParam("schoolId") UUID schoolId, @QueryParam("role") String role,
                                 @QueryParam("q") String q, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size) {
        return people.list(schoolId, role, q, Page.page(page), Page.size(size));
    }

    @GET
    @Path("people/{id}")
    @RolesAllowed({"admin", "service", "staff", "teacher", "parent", "pupil"})
    public PersonView get(@PathParam("id") UUID id) {
        return people.get(id);
    }

    @PUT
    @Path("people/{id}")
    @RolesAllowed({"admin", "staff", "integration-write"})
    public PersonView update(@PathParam("id") UUID id, PersonInput in) {
        return people.update(id, in);
    }

    /** Disables the account: it can no longer sign in (Keycloak follows). */
    @POST
    @Path("people/{id}/disable")
    @RolesAllowed({"admin", "staff", "integration-write"})
    public PersonView disable(@PathParam("id") UUID id) {
        return people.setActive(id, false);
    }

    @POST
    @Path("people/{id}/enable")
    @RolesAllowed({"admin", "staff", "integration-write"})
    public PersonView enable(@PathParam("id") UUID id) {
        return people.setActive(id, true);
    }
}
