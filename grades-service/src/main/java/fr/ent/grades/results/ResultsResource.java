package fr.ent.grades.results;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.UUID;

/**
 * What marks give: a pupil's marks, averages (with their explanation), "what if" and evolution, for
 * the pupil, their guardians (each from their own time) and the school side; a class's statistics
 * for the school side of the class.
 */
@Path("/api/grades")
public class ResultsResource {


    private final ResultsService service;

    public ResultsResource(ResultsService service) {
        this.service = service;
    }

    @GET
    @Path("/pupils/{pupilId}/marks")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public List<PupilMark> listPupilMarks(@PathParam("pupilId") UUID pupilId, @QueryParam("periodId") UUID periodId) {
        return service.pupilMarks(pupilId, periodId);
    }

    @GET
    @Path("/pupils/{pupilId}/periods/{periodId}/averages")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public PeriodAverages pupilAverages(@PathParam("pupilId") UUID pupilId, @PathParam("periodId") UUID periodId) {
        return service.averages(pupilId, periodId);
    }

    @POST
    @Path("/pupils/{pupilId}/periods/{periodId}/what-if")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public PeriodAverages whatIf(@PathParam("pupilId") UUID pupilId, @PathParam("periodId") UUID periodId,
                                 @NotNull @Valid WhatIfInput in) {
        return service.whatIf(pupilId, periodId, in);
    }

    @GET
    @Path("/pupils/{pupilId}/periods/{periodId}/evolution")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public Evolution pupilEvolution(@PathParam("pupilId") UUID pupilId, @PathParam("periodId") UUID periodId) {
        return service.evolution(pupilId, periodId);
    }

    @GET
    @Path("/classes/{classGroupId}/periods/{periodId}/statistics")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public ClassStatistics classStatistics(@PathParam("classGroupId") UUID classGroupId, @PathParam("periodId") UUID periodId) {
        return service.classStatistics(classGroupId, periodId);
    }
}
