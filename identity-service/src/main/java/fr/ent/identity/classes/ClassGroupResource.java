package fr.ent.identity.classes;

import fr.ent.identity.classes.ClassGroupService.ClassInput;
import fr.ent.identity.classes.ClassGroupService.ClassView;
import fr.ent.identity.classes.ClassGroupService.SubjectInput;
import fr.ent.identity.classes.ClassGroupService.SubjectView;
import fr.ent.identity.enrolment.EnrolmentService;
import fr.ent.identity.person.PersonService.PersonView;
import fr.ent.identity.teaching.TeachingService;
import fr.ent.identity.teaching.TeachingService.AssignmentView;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/identity")
public class ClassGroupResource {

    @Inject ClassGroupService classes;
    @Inject EnrolmentService enrolments;
    @Inject TeachingService teaching;

    @POST
    @Path("schools/{schoolId}/classes")
    @RolesAllowed({"admin", "staff", "integration-write"})
    public Response create(@PathParam("schoolId") UUID schoolId, ClassInput in) {
        ClassView c = classes.create(schoolId, in);
        return Response.created(URI.create("/api/identity/classes/" + c.id())).entity(c).build();
    }

    @GET
    @Path("schools/{schoolId}/classes")
    @RolesAllowed({"admin", "service", "staff", "teacher"})
    public List<ClassView> list(@PathParam("schoolId") UUID schoolId, @QueryParam("schoolYear") String schoolYear) {
        return classes.list(schoolId, schoolYear);
    }

    @GET
    @Path("classes/{id}")
    @RolesAllowed({"admin", "service", "staff", "teacher"})
    public ClassView get(@PathParam("id") UUID id) {
        return classes.get(id);
    }

    @PUT
    @Path("classes/{id}")
    @RolesAllowed({"admin", "staff", "integration-write"})
    public ClassView update(@PathParam("id") UUID id, ClassInput in) {
        return classes.update(id, in);
    }

    /** Who is in this class or group on a day (today by default). */
    @GET
    @Path("classes/{id}/pupils")
    @RolesAllowed({"admin", "service", "staff", "teacher"})
    public List<PersonView> pupils(@PathParam("id") UUID id, @QueryParam("on") LocalDate on) {
        return enrolments.pupilsOf(id, on == null ? LocalDate.now() : on);
    }

    @GET
    @Path("classes/{id}/teaching-assignments")
    @RolesAllowed({"admin", "service", "staff", "teacher"})
    public List<AssignmentView> teachers(@PathParam("id") UUID id) {
        return teaching.ofClass(id);
    }

    @POST
    @Path("schools/{schoolId}/subjects")
    @RolesAllowed({"admin", "staff", "integration-write"})
    public Response addSubject(@PathParam("schoolId") UUID schoolId, SubjectInput in) {
        return Response.status(201).entity(classes.addSubject(schoolId, in)).build();
    }

    @GET
    @Path("schools/{schoolId}/subjects")
    @RolesAllowed({"admin", "service", "staff", "teacher", "parent", "pupil"})
    public List<SubjectView> subjects(@PathParam("schoolId") UUID schoolId) {
        return classes.subjects(schoolId);
    }
}
