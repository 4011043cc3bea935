package fr.ent.timetable.week;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Weeks as they really happen: {@code ?week=2026-W47}, or {@code ?date=} for the week of that day,
 * or this week. Each occurrence says its state and what changed.
 */
@Path("/api/timetable")
public class WeekResource {

    private final WeekService service;

    public WeekResource(WeekService service) {
        this.service = service;
    }

    /** The pupil, their guardians, their teachers, their school's staff. */
    @GET
    @Path("/pupils/{pupilId}/week")
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public WeekView pupilWeek(@PathParam("pupilId") UUID pupilId, @QueryParam("week") String week,
                          @QueryParam("date") LocalDate date) {
        return service.ofPupil(pupilId, week, date);
    }

    /** A class or a group: its school's staff and its teachers. */
    @GET
    @Path("/classes/{classId}/week")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public WeekView classWeek(@PathParam("classId") UUID classId, @QueryParam("week") String week,
                                 @QueryParam("date") LocalDate date) {
        return service.ofClass(classId, week, date);
    }

    /** The teacher, their colleagues and the staff of their schools (each sees the schools they share). */
    @GET
    @Path("/teachers/{teacherId}/week")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public WeekView teacherWeek(@PathParam("teacherId") UUID teacherId, @QueryParam("week") String week,
                            @QueryParam("date") LocalDate date) {
        return service.ofTeacher(teacherId, week, date);
    }

    @GET
    @Path("/rooms/{roomId}/week")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public WeekView roomWeek(@PathParam("roomId") UUID roomId, @QueryParam("week") String week,
                         @QueryParam("date") LocalDate date) {
        return service.ofRoom(roomId, week, date);
    }

    /** A school's timetable changes between two days ({@code ?from=&to=}, at most 31 days): its staff. */
    @GET
    @Path("/schools/{schoolId}/changes")
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public SchoolChanges schoolChanges(@PathParam("schoolId") UUID schoolId, @QueryParam("from") LocalDate from,
                                       @QueryParam("to") LocalDate to) {
        return service.changesOf(schoolId, from, to);
    }
}
