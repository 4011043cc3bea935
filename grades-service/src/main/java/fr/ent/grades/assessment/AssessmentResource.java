package fr.ent.grades.assessment;

import fr.ent.grades.mark.MarkHistoryView;
import fr.ent.grades.mark.MarkService;
import fr.ent.grades.mark.MarkView;
import fr.ent.grades.mark.MarksInput;
import fr.ent.grades.results.ResultsService;
import fr.ent.grades.results.AssessmentStatistics;
import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.List;
import java.util.UUID;

/**
 * Assessments and their marks: set, marked and published by a teacher of the subject in the class
 * (or the school's staff); read by the school side of the class; families read an assessment and
 * its class statistics once they see its marks.
 */
@Path("/api/grades")
public class AssessmentResource {

    private final AssessmentService assessments;
    private final MarkService marks;
    private final ResultsService results;

    public AssessmentResource(AssessmentService assessments, MarkService marks, ResultsService results) {
        this.assessments = assessments;
        this.marks = marks;
        this.results = results;
    }

    @POST
    @Path("/assessments")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "409", description = "The period of that date is locked")
    public Response createAssessment(@NotNull @Valid AssessmentInput in) {
        return Response.status(Response.Status.CREATED).entity(assessments.create(in)).build();
    }

    @GET
    @Path("/assessments/{assessmentId}")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public AssessmentView getAssessment(@PathParam("assessmentId") UUID assessmentId) {
        return results.assessment(assessmentId);
    }

    @GET
    @Path("/classes/{classGroupId}/assessments")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public List<AssessmentView> listClassAssessments(@PathParam("classGroupId") UUID classGroupId,
                                                     @QueryParam("periodId") UUID periodId) {
        return assessments.ofClass(classGroupId, periodId);
    }

    @DELETE
    @Path("/assessments/{assessmentId}")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "204", description = "Deleted, with its marks")
    @APIResponse(responseCode = "409", description = "Already published, or its period is locked")
    public void deleteAssessment(@PathParam("assessmentId") UUID assessmentId) {
        marks.delete(assessmentId);
    }

    @PUT
    @Path("/assessments/{assessmentId}/marks")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "The assessment's period is locked")
    @APIResponseSchema(MarkView[].class)
    public List<MarkView> enterMarks(@PathParam("assessmentId") UUID assessmentId, @NotNull @Valid MarksInput in) {
        return marks.enter(assessmentId, in);
    }

    @GET
    @Path("/assessments/{assessmentId}/marks")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public List<MarkView> listMarks(@PathParam("assessmentId") UUID assessmentId) {
        return marks.list(assessmentId);
    }

    @GET
    @Path("/assessments/{assessmentId}/marks/{pupilId}/history")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public MarkHistoryView markHistory(@PathParam("assessmentId") UUID assessmentId, @PathParam("pupilId") UUID pupilId) {
        return marks.history(assessmentId, pupilId);
    }

    @POST
    @Path("/assessments/{assessmentId}/publish")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "The assessment's period is locked")
    @APIResponseSchema(AssessmentView.class)
    public AssessmentView publishAssessment(@PathParam("assessmentId") UUID assessmentId) {
        return marks.publish(assessmentId);
    }

    @GET
    @Path("/assessments/{assessmentId}/statistics")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public AssessmentStatistics assessmentStatistics(@PathParam("assessmentId") UUID assessmentId) {
        return results.assessmentStatistics(assessmentId);
    }
}
