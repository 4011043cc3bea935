package fr.ent.grades.reportcard;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import java.util.UUID;

/**
 * Report cards: appreciations (teachers per subject, staff for the class council), generation in
 * the background and publication by the staff, download of one's own copy.
 */
@Path("/api/grades")
public class ReportCardResource {

    private final ReportCardService reportCards;

    public ReportCardResource(ReportCardService reportCards) {
        this.reportCards = reportCards;
    }

    /** An appreciation's text (1 to 1,000 characters). */
    public record AppreciationInput(@NotNull String text) {
    }

    @PUT
    @Path("/periods/{periodId}/pupils/{pupilId}/appreciations/{subject}")
    @RolesAllowed({CurrentUser.TEACHER})
    @APIResponse(responseCode = "409", description = "The class's report cards are published")
    @APIResponseSchema(ReportCardView.Appreciation.class)
    public ReportCardView.Appreciation writeSubjectAppreciation(@PathParam("periodId") UUID periodId,
                                                                @PathParam("pupilId") UUID pupilId,
                                                                @PathParam("subject") String subject,
                                                                @NotNull AppreciationInput in) {
        return reportCards.writeSubjectAppreciation(periodId, pupilId, subject, in.text());
    }

    @PUT
    @Path("/periods/{periodId}/pupils/{pupilId}/council-appreciation")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.TEACHER})
    @APIResponse(responseCode = "409", description = "The class's report cards are published")
    @APIResponseSchema(ReportCardView.Appreciation.class)
    public ReportCardView.Appreciation writeCouncilAppreciation(@PathParam("periodId") UUID periodId,
                                                                @PathParam("pupilId") UUID pupilId,
                                                                @NotNull AppreciationInput in) {
        return reportCards.writeCouncilAppreciation(periodId, pupilId, in.text());
    }

    @GET
    @Path("/classes/{classGroupId}/periods/{periodId}/appreciations")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE, CurrentUser.TEACHER})
    @APIResponse(responseCode = "200", description = "Each pupil's appreciations (subjects and class council)",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ReportCardView.PupilAppreciations.class)))
    public java.util.List<ReportCardView.PupilAppreciations> listClassAppreciations(@PathParam("classGroupId") UUID classGroupId,
                                                                                    @PathParam("periodId") UUID periodId) {
        return reportCards.classAppreciations(classGroupId, periodId);
    }

    @POST
    @Path("/classes/{classGroupId}/periods/{periodId}/report-cards/generation")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "202", description = "Started: the job and its progress",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportCardView.Job.class)))
    @APIResponse(responseCode = "409", description = "Already published, or a generation is running")
    public Response generateReportCards(@PathParam("classGroupId") UUID classGroupId, @PathParam("periodId") UUID periodId) {
        return Response.accepted(reportCards.start(classGroupId, periodId)).build();
    }

    @GET
    @Path("/report-card-jobs/{jobId}")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public ReportCardView.Job getReportCardJob(@PathParam("jobId") UUID jobId) {
        return reportCards.job(jobId);
    }

    @POST
    @Path("/classes/{classGroupId}/periods/{periodId}/report-cards/publication")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @APIResponse(responseCode = "409", description = "Nothing generated yet, or a generation is running")
    @APIResponseSchema(ReportCardView.class)
    public ReportCardView publishReportCards(@PathParam("classGroupId") UUID classGroupId, @PathParam("periodId") UUID periodId) {
        return reportCards.publish(classGroupId, periodId);
    }

    @GET
    @Path("/classes/{classGroupId}/periods/{periodId}/report-cards")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public ReportCardView listReportCards(@PathParam("classGroupId") UUID classGroupId, @PathParam("periodId") UUID periodId) {
        return reportCards.classReportCards(classGroupId, periodId);
    }

    @GET
    @Path("/pupils/{pupilId}/periods/{periodId}/report-card")
    @Produces("application/pdf")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    @APIResponse(responseCode = "200", description = "The caller's copy of the report card (PDF)",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response downloadReportCard(@PathParam("pupilId") UUID pupilId, @PathParam("periodId") UUID periodId,
                                       @QueryParam("recipientId") UUID recipientId) {
        ReportCardService.Download d = reportCards.download(pupilId, periodId, recipientId);
        StreamingOutput body = out -> {
            try (java.io.InputStream in = d.pdf()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
