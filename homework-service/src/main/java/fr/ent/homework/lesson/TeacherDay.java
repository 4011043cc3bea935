package fr.ent.homework.lesson;

import fr.ent.homework.log.LogEntry;
import fr.ent.homework.log.LogEntryRepository;
import fr.ent.homework.support.Access;
import fr.ent.homework.work.WorkRepository;
import fr.ent.lessons.LessonOccurrence;
import fr.ent.lessons.LessonOccurrences;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A teacher's lessons of a day, from timetable-service (substitutions included, cancelled ones
 * shown as such), each with the state of its cahier de textes per class or group: PUBLISHED, DRAFT
 * (the caller's own draft only: a draft is seen by its author alone) or MISSING.
 */
@ApplicationScoped
public class TeacherDay {

    private final LessonOccurrences occurrences;
    private final LogEntryRepository entries;
    private final WorkRepository works;
    private final Access access;
    private final SchoolClock clock;

    public TeacherDay(LessonOccurrences occurrences, LogEntryRepository entries, WorkRepository works, Access access,
                      SchoolClock clock) {
        this.occurrences = occurrences;
        this.entries = entries;
        this.works = works;
        this.access = access;
        this.clock = clock;
    }

    /** The teacher's day: the teacher (all their schools), the staff of their schools (theirs); else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeacherLesson> of(UUID teacherId, LocalDate date) {
        Set<UUID> schools = access.relationships().requireTeacherDayReader(teacherId);
        LocalDate day = date == null ? clock.today() : date;
        List<LessonOccurrence> lessons = occurrences.ofTeacher(teacherId, day, schools);
        List<String> ids = lessons.stream().map(LessonOccurrence::occurrenceId).toList();
        UUID me = access.isPerson() ? access.personId() : null;
        Map<String, LogEntry> shown = new HashMap<>();
        for (LogEntry e : entries.ofOccurrences(ids, me)) {
            // a published entry wins over a draft of the same lesson and class
            shown.merge(e.occurrenceId + "/" + e.classGroupId, e, (a, b) -> a.published ? a : b);
        }
        Map<String, Long> set = works.countByOccurrence(ids);
        List<TeacherLesson> lessonsOfDay = new ArrayList<>();
        for (LessonOccurrence o : lessons) {
            List<TeacherLesson.ClassLog> classes = new ArrayList<>();
            List<UUID> groups = new ArrayList<>(o.classIds());
            groups.addAll(o.groupIds());
            for (UUID g : groups) {
                String key = o.occurrenceId() + "/" + g;
                LogEntry e = shown.get(key);
                TeacherLesson.LogStatus status = e == null ? TeacherLesson.LogStatus.MISSING
                        : e.published ? TeacherLesson.LogStatus.PUBLISHED : TeacherLesson.LogStatus.DRAFT;
                classes.add(new TeacherLesson.ClassLog(g, status, e == null ? null : e.id, set.getOrDefault(key, 0L)));
            }
            lessonsOfDay.add(new TeacherLesson(o.occurrenceId(), o.lessonId(), o.schoolId(), o.date(), o.startsAt(), o.endsAt(),
                    o.subject(), o.cancelled(), o.substituted(), classes));
        }
        return lessonsOfDay;
    }
}
