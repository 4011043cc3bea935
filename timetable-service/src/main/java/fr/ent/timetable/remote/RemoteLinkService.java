package fr.ent.timetable.remote;

import fr.ent.directory.Relationships;
import fr.ent.timetable.calendar.CalendarService;
import fr.ent.timetable.calendar.YearCalendar;
import fr.ent.timetable.change.Scope;
import fr.ent.timetable.lesson.Lesson;
import fr.ent.timetable.lesson.LessonRepository;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.lesson.Timetable;
import fr.ent.timetable.support.Access;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The lesson's teachers (a substitute of that occurrence included) or its school's staff set or
 * remove the video-class link of an occurrence, or of the series from it. Only occurrences still to
 * come; no event (a link is not a change of the lesson, and links stay out of events).
 */
@ApplicationScoped
public class RemoteLinkService {

    private final LessonRepository lessons;
    private final CalendarService calendars;
    private final Timetable timetable;
    private final RemoteLinks links;
    private final Relationships relationships;
    private final Access access;
    private final CurrentUser user;
    private final SchoolClock clock;

    public RemoteLinkService(LessonRepository lessons, CalendarService calendars, Timetable timetable, RemoteLinks links,
                             Relationships relationships, Access access, CurrentUser user, SchoolClock clock) {
        this.lessons = lessons;
        this.calendars = calendars;
        this.timetable = timetable;
        this.links = links;
        this.relationships = relationships;
        this.access = access;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public List<Occurrence> set(UUID lessonId, LocalDate plannedDate, RemoteLinkInput in) {
        // who may set it first: a stranger gets the 404, never a verdict on their URL
        Target target = target(lessonId, plannedDate, in == null ? null : in.scope());
        String url = RemoteLinkUrl.check("url", in == null ? null : in.url());
        links.set(lessonId, target.dates(), url, access.me(), clock.now());
        return target.occurrences().stream().map(o -> o.withRemoteLink(url)).toList();
    }

    @Transactional
    public List<Occurrence> remove(UUID lessonId, LocalDate plannedDate, Scope scope) {
        Target target = target(lessonId, plannedDate, scope);
        links.remove(lessonId, target.dates());
        return target.occurrences();
    }

    record Target(List<LocalDate> dates, List<Occurrence> occurrences) {
    }

    /** The occurrences concerned, if the caller may set their link and they are still to come; else 404 / 409. */
    private Target target(UUID lessonId, LocalDate plannedDate, Scope scope) {
        Lesson lesson = lessons.findByIdOptional(lessonId)
                .orElseThrow(() -> Relationships.notYours("Séance introuvable."));
        YearCalendar calendar = calendars.year(lesson.schoolId, lesson.year)
                .filter(c -> lesson.plan().isPlannedOn(c, plannedDate))
                .orElseThrow(() -> Relationships.notYours("Séance introuvable."));
        Occurrence first = timetable.occurrence(lesson, plannedDate).orElseThrow(() -> Relationships.notYours("Séance introuvable."));
        // A substitute sets the link of the occurrence they teach, not of the series.
        boolean teacher = user.isPerson() && user.hasRole(CurrentUser.TEACHER) && (scope == Scope.FOLLOWING
                ? lesson.teacherIds.contains(user.personId()) : first.taughtBy(user.personId()));
        if (!teacher && !relationships.isStaffOf(lesson.schoolId)) {
            throw Relationships.notYours("Séance introuvable.");
        }
        List<LocalDate> dates = scope == Scope.FOLLOWING ? lesson.plan().dates(calendar, plannedDate, lesson.endsOn)
                : List.of(plannedDate);
        List<Occurrence> occurrences = dates.stream().map(d -> timetable.occurrence(lesson, d).orElseThrow()).toList();
        for (Occurrence o : occurrences) {
            if (!clock.at(o.date().atTime(o.startsAt())).isAfter(clock.now())) {
                throw Problems.conflict("occurrence-in-the-past", "La séance du " + o.date() + " à " + o.startsAt()
                        + " est passée ou commencée : seules les séances à venir changent.");
            }
        }
        return new Target(dates, occurrences);
    }
}
