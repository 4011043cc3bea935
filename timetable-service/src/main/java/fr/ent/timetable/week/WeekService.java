package fr.ent.timetable.week;

import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.timetable.lesson.LessonRepository;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.lesson.Timetable;
import fr.ent.timetable.room.Room;
import fr.ent.timetable.remote.RemoteLinks;
import fr.ent.timetable.room.RoomRepository;
import fr.ent.timetable.support.Access;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
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
    private final Relationships relationships;
    private final CurrentUser user;
    private final RemoteLinks links;
    private final Names names;

    public WeekService(LessonRepository lessons, Timetable timetable, RoomRepository rooms, Directory directory,
                       Access access, AuditTrail audit, SchoolClock clock, Relationships relationships, CurrentUser user,
                       RemoteLinks links, Names names) {
        this.relationships = relationships;
        this.user = user;
        this.links = links;
        this.names = names;
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
        pupil.schoolIds().stream().findFirst().ifPresent(school -> audit.read(school, pupilId, "timetable.week.read"));
        // The pupil and their guardians see every link of the pupil's lessons; a teacher, those of the lessons they teach.
        boolean family = relationships.isThePupil(pupilId) || relationships.isGuardianOf(pupilId);
        return view(monday, ofPupil(pupilId, monday, monday.plusDays(6)), o -> family || taughtByMe(o));
    }

    /**
     * The occurrences of the pupil's lessons (their class's and groups', as enrolled on either day)
     * between the dates. No access check: callers have made theirs.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Occurrence> ofPupil(UUID pupilId, LocalDate from, LocalDate to) {
        Set<UUID> groups = new HashSet<>();
        for (LocalDate day : List.of(from, to)) {
            directory.classOf(pupilId, day).ifPresent(groups::add);
            groups.addAll(directory.groupsOf(pupilId, day));
        }
        return timetable.between(lessons.ofClassesOrGroups(groups, from, to), from, to).stream()
                .filter(o -> o.classIds().stream().anyMatch(groups::contains) || o.groupIds().stream().anyMatch(groups::contains))
                .toList();
    }

    /** A class's or group's week, for its school's staff and its teachers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WeekView ofClass(UUID classOrGroupId, String week, LocalDate date) {
        access.requireClassReader(classOrGroupId);
        LocalDate monday = Weeks.monday(week, date, clock.today());
        LocalDate sunday = monday.plusDays(6);
        return view(monday, timetable.between(lessons.ofClassesOrGroups(Set.of(classOrGroupId), monday, sunday), monday, sunday)
                .stream().filter(o -> o.classIds().contains(classOrGroupId) || o.groupIds().contains(classOrGroupId)).toList(),
                this::taughtByMe);
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
        return view(monday, ofTeacher(teacherId, schools, monday, sunday), this::taughtByMe);
    }

    /** The occurrences the teacher teaches or was to teach between the dates, in these schools. No access check. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Occurrence> ofTeacher(UUID teacherId, Set<UUID> schools, LocalDate from, LocalDate to) {
        return timetable.between(lessons.ofTeacher(teacherId, from, to), from, to).stream()
                .filter(o -> schools.contains(o.schoolId()) && o.taughtBy(teacherId)).toList();
    }

    /** A room's week, for its school's staff and teachers: what takes place in it, and what was moved out of it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WeekView ofRoom(UUID roomId, String week, LocalDate date) {
        Room room = rooms.findByIdOptional(roomId).filter(r -> access.readsSchool(r.schoolId))
                .orElseThrow(() -> Relationships.notYours("Salle introuvable."));
        LocalDate monday = Weeks.monday(week, date, clock.today());
        LocalDate sunday = monday.plusDays(6);
        // Never a video-class link in a room's week.
        return view(monday, timetable.between(lessons.inRoom(room.id, monday, sunday), monday, sunday).stream()
                .filter(o -> roomId.equals(o.roomId()) || (o.planned() != null && roomId.equals(o.planned().roomId()))).toList(),
                o -> false);
    }

    /** The longest span of {@link #changesOf} (a month and a day: a month's changes from any day). */
    static final int MAX_CHANGE_DAYS = 31;

    /**
     * A school's changes between two days (default: today, and six days after {@code from}), for its
     * staff: the occurrences of its lessons with at least one change. Never a video-class link.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SchoolChanges changesOf(UUID schoolId, LocalDate from, LocalDate to) {
        access.requireStaffOf(schoolId);
        LocalDate start = from == null ? clock.today() : from;
        LocalDate end = to == null ? start.plusDays(6) : to;
        if (end.isBefore(start)) {
            throw Problems.invalidField("to", "la fin doit être le même jour que le début ou après");
        }
        if (end.isAfter(start.plusDays(MAX_CHANGE_DAYS - 1))) {
            throw Problems.invalidField("to", "au plus " + MAX_CHANGE_DAYS + " jours à la fois");
        }
        List<Occurrence> changed = timetable.between(lessons.ofSchool(schoolId, start, end), start, end).stream()
                .filter(o -> schoolId.equals(o.schoolId()) && !o.changes().isEmpty()).toList();
        Names.Of named = names.of(changed);
        return new SchoolChanges(schoolId, start, end, links.shown(changed, o -> false), named.teachers(), named.rooms(),
                named.classes());
    }

    /** Whether the caller teaches the occurrence (a substitute included): the teachers who see its link. */
    private boolean taughtByMe(Occurrence o) {
        return user.isPerson() && user.hasRole(CurrentUser.TEACHER) && o.taughtBy(user.personId());
    }

    /** The view, with the links {@code showsLink} lets the caller see and the names of what it shows (batched). */
    private WeekView view(LocalDate monday, List<Occurrence> occurrences, Predicate<Occurrence> showsLink) {
        Names.Of named = names.of(occurrences);
        return new WeekView(Weeks.label(monday), monday, monday.plusDays(6), links.shown(occurrences, showsLink),
                named.teachers(), named.rooms(), named.classes());
    }
}
