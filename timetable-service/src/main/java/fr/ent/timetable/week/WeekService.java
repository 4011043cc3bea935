package fr.ent.timetable.week;

import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.timetable.lesson.LessonRepository;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.lesson.Timetable;
import fr.ent.timetable.room.Room;
import fr.ent.timetable.room.RoomRepository;
import fr.ent.timetable.support.Access;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The week of a pupil, a class or group, a teacher, a room. */
@ApplicationScoped
public class WeekService {

    private final LessonRepository lessons;
    private final Timetable timetable;
    private final RoomRepository rooms;
    private final Directory directory;
    private final Access access;
    private final AuditTrail audit;
    private final SchoolClock clock;

    public WeekService(LessonRepository lessons, Timetable timetable, RoomRepository rooms, Directory directory,
                       Access access, AuditTrail audit, SchoolClock clock) {
        this.lessons = lessons;
        this.timetable = timetable;
        this.rooms = rooms;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A pupil's week: the lessons of their class and groups that week. The pupil, their guardians,
     * their teachers and their school's staff read it (a read of the pupil's data, in the audit trail).
     */
    @Transactional
    public WeekView ofPupil(UUID pupilId, String week, LocalDate date) {
        DirectoryPerson pupil = access.requirePupilReader(pupilId);
        LocalDate monday = Weeks.monday(week, date, clock.today());
        LocalDate sunday = monday.plusDays(6);
        Set<UUID> groups = new HashSet<>();
        for (LocalDate day : List.of(monday, sunday)) {
            directory.classOf(pupilId, day).ifPresent(groups::add);
            groups.addAll(directory.groupsOf(pupilId, day));
        }
        pupil.schoolIds().stream().findFirst().ifPresent(school -> audit.read(school, pupilId, "timetable.week.read"));
        return view(monday, timetable.between(lessons.ofClassesOrGroups(groups, monday, sunday), monday, sunday),
                o -> o.classIds().stream().anyMatch(groups::contains) || o.groupIds().stream().anyMatch(groups::contains));
    }

    /** A class's or group's week, for its school's staff and its teachers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WeekView ofClass(UUID classOrGroupId, String week, LocalDate date) {
        access.requireClassReader(classOrGroupId);
        LocalDate monday = Weeks.monday(week, date, clock.today());
        LocalDate sunday = monday.plusDays(6);
        return view(monday, timetable.between(lessons.ofClassesOrGroups(Set.of(classOrGroupId), monday, sunday), monday, sunday),
                o -> o.classIds().contains(classOrGroupId) || o.groupIds().contains(classOrGroupId));
    }

    /**
     * A teacher's week across their schools: what they teach or were to teach (a substitution shows
     * in both weeks). The teacher sees every school's; colleagues and staff the schools they share.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WeekView ofTeacher(UUID teacherId, String week, LocalDate date) {
        Set<UUID> schools = access.requireTeacherReader(teacherId);
        LocalDate monday = Weeks.monday(week, date, clock.today());
        LocalDate sunday = monday.plusDays(6);
        return view(monday, timetable.between(lessons.ofTeacher(teacherId, monday, sunday), monday, sunday),
                o -> schools.contains(o.schoolId()) && (o.teacherIds().contains(teacherId)
                        || (o.planned() != null && o.planned().teacherIds().contains(teacherId))));
    }

    /** A room's week, for its school's staff and teachers: what takes place in it, and what was moved out of it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WeekView ofRoom(UUID roomId, String week, LocalDate date) {
        Room room = rooms.findByIdOptional(roomId).filter(r -> access.readsSchool(r.schoolId))
                .orElseThrow(() -> Relationships.notYours("Salle introuvable."));
        LocalDate monday = Weeks.monday(week, date, clock.today());
        LocalDate sunday = monday.plusDays(6);
        return view(monday, timetable.between(lessons.inRoom(room.id, monday, sunday), monday, sunday),
                o -> roomId.equals(o.roomId()) || (o.planned() != null && roomId.equals(o.planned().roomId())));
    }

    private static WeekView view(LocalDate monday, List<Occurrence> occurrences, Predicate<Occurrence> concerned) {
        return new WeekView(Weeks.label(monday), monday, monday.plusDays(6), occurrences.stream().filter(concerned).toList());
    }
}
