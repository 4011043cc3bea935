package fr.ent.identity.classes;

import fr.ent.web.clock.SchoolClock;
import fr.ent.identity.classes.ClassGroupService.ClassInput;
import fr.ent.identity.classes.ClassGroupService.ClassView;
import fr.ent.identity.classes.ClassGroupService.SubjectInput;
import fr.ent.identity.classes.ClassGroupService.SubjectView;
import fr.ent.identity.enrolment.EnrolmentService;
import fr.ent.identity.person.PersonService.PersonView;
import fr.ent.identity.teaching.TeachingService;
import fr.ent.identity.teaching.TeachingService.AssignmentView;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

@Path("/api/identity")
public class ClassGroupResource {

    private final ClassGroupService classes;
    private final SchoolClock clock;
    private final EnrolmentService enrolments;
    private final TeachingService teaching;

    public ClassGroupResource(ClassGroupService classes, SchoolClock clock, EnrolmentService enrolments, TeachingService teaching) {
        this.classes = classes;
        this.clock = clock;
        this.enrolments = enrolments;
        this.teaching = teaching;
    }

    @POST
    @Path("schools/{schoolId}/classes")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClassView.class)), headers = @Header(name = "Location", description = "Where to read it", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")))
    @APIResponse(responseCode = "409", description = "A class or group with that code exists in the school year")
    public Response createClassGroup(@PathParam("schoolId") UUID schoolId, ClassInput in) {
        ClassView c = classes.create(schoolId, in);
        return Response.created(URI.create("/api/identity/classes/" + c.id())).entity(c).build();
    }

    @GET
    @Path("schools/{schoolId}/classes")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER})
    public List<ClassView> listClassGroup(@PathParam("schoolId") UUID schoolId, @QueryParam("schoolYear") String schoolYear) {
        return classes.list(schoolId, schoolYear);
    }

    @GET
    @Path("classes/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER})
    public ClassView getClassGroup(@PathParam("id") UUID id) {
        return classes.get(id);
    }

    @PUT
    @Path("classes/{id}")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    public ClassView updateClassGroup(@PathParam("id") UUID id, ClassInput in) {
        return classes.update(id, in);
    }

    /** Who is in this class or group on a day (today by default). */
    @GET
    @Path("classes/{id}/pupils")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER})
    public List<PersonView> pupils(@PathParam("id") UUID id, @QueryParam("on") LocalDate on) {
        return enrolments.pupilsOf(id, on == null ? clock.today() : on);
    }

    @GET
    @Path("classes/{id}/teaching-assignments")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER})
    public List<AssignmentView> teachers(@PathParam("id") UUID id) {
        return teaching.ofClass(id);
    }

    @POST
    @Path("schools/{schoolId}/subjects")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.INTEGRATION_WRITE})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "409", description = "A subject with that code exists")
    public Response addSubject(@PathParam("schoolId") UUID schoolId, SubjectInput in) {
        return Response.status(201).entity(classes.addSubject(schoolId, in)).build();
    }

    @GET
    @Path("schools/{schoolId}/subjects")
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.STAFF, CurrentUser.TEACHER, CurrentUser.PARENT, CurrentUser.PUPIL})
    public List<SubjectView> subjects(@PathParam("schoolId") UUID schoolId) {
        return classes.subjects(schoolId);
    }
}
