package fr.ent.homework.lesson;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A teacher's lessons of a day (timetable-service's) and their cahier de textes. */
@Path("/api/homework/teachers/{teacherId}")
public class TeacherDayResource {

    private final TeacherDay day;

    public TeacherDayResource(TeacherDay day) {
        this.day = day;
    }

    /** The teacher's lessons of the day (default today), each with its log status per class or group: the teacher, the staff of their schools. */
    @GET
    @Path("/lessons")
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<TeacherLesson> teacherLessons(@PathParam("teacherId") UUID teacherId, @QueryParam("date") LocalDate date) {
        return day.of(teacherId, date);
    }
}
