package fr.ent.attendance.register;

import fr.ent.directory.Relationships;
import fr.ent.lessons.LessonOccurrence;
import fr.ent.lessons.LessonOccurrences;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The lessons of timetable-service with their registers (reads): a teacher's roll calls of a day,
 * and the registers a school's lessons are missing once they have ended.
 */
@ApplicationScoped
public class LessonRollCalls {

    private final Jdbc jdbc;
    private final LessonOccurrences lessons;
    private final Relationships relationships;
    private final SchoolClock clock;

    public LessonRollCalls(Jdbc jdbc, LessonOccurrences lessons, Relationships relationships, SchoolClock clock) {
        this.jdbc = jdbc;
        this.lessons = lessons;
        this.relationships = relationships;
        this.clock = clock;
    }

    /**
     * The teacher's lesson occurrences of the day (substitutions included, cancelled ones shown as
     * such), with their registers. The teacher sees every school's; the staff of the teacher's
     * schools see theirs; anyone else a 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LessonRollCall> ofTeacher(UUID teacherId, LocalDate date) {
        Set<UUID> schools = relationships.requireTeacherDayReader(teacherId);
        LocalDate day = date == null ? clock.today() : date;
        List<LessonOccurrence> occurrences = lessons.ofTeacher(teacherId, day, schools);
        return withRegisters(occurrences, day);
    }

    /**
     * The school's lessons of the day that have ended (platform clock) and are not cancelled, whose
     * roll call is not taken for some class or group: for the school's staff.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LessonRollCall> forgotten(UUID schoolId, LocalDate date) {
        relationships.requireStaffOf(schoolId);
        LocalDate day = date == null ? clock.today() : date;
        List<LessonOccurrence> ended = lessons.ofSchool(schoolId, day).stream()
                .filter(o -> !o.cancelled() && !clock.at(o.date().atTime(o.endsAt())).isAfter(clock.now())).toList();
        return withRegisters(ended, day).stream().filter(l -> !l.missingGroupIds().isEmpty()).toList();
    }

    /** One query for the registers of all the occurrences' classes and groups that day. */
    private List<LessonRollCall> withRegisters(List<LessonOccurrence> occurrences, LocalDate day) {
        if (occurrences.isEmpty()) {
            return List.of();
        }
        Set<UUID> groups = new LinkedHashSet<>();
        occurrences.forEach(o -> {
            groups.addAll(o.classIds());
            groups.addAll(o.groupIds());
        });
        List<Register> registers = jdbc.query("select * from register where lesson_date = ? and group_id = any(?)",
                RegisterRepository::map, day, new Jdbc.UuidArray(groups));
        List<LessonRollCall> answer = new ArrayList<>(occurrences.size());
        for (LessonOccurrence o : occurrences) {
            List<LessonRollCall.GroupRegister> ofLesson = new ArrayList<>();
            List<UUID> missing = new ArrayList<>();
            List<UUID> all = new ArrayList<>(o.classIds());
            all.addAll(o.groupIds());
            for (UUID group : all) {
                Register r = registers.stream().filter(x -> isRegisterOf(x, o, group)).findFirst().orElse(null);
                ofLesson.add(new LessonRollCall.GroupRegister(group, r == null ? null : r.id(), r == null ? null : r.status()));
                if (!o.cancelled() && (r == null || r.status() == RegisterStatus.OPEN)) {
                    missing.add(group);
                }
            }
            answer.add(new LessonRollCall(o.occurrenceId(), o.lessonId(), o.schoolId(), o.date(), o.startsAt(), o.endsAt(),
                    o.subject(), o.classIds(), o.groupIds(), o.teacherIds(), o.roomId(), o.cancelled(), o.substituted(),
                    o.moved(), !o.cancelled(), !o.cancelled() && missing.isEmpty(), ofLesson, missing));
        }
        return answer;
    }

    /** Tied to the occurrence, or (opened without one) of its class or group at its start. */
    private static boolean isRegisterOf(Register r, LessonOccurrence o, UUID group) {
        if (!r.groupId().equals(group)) {
            return false;
        }
        return r.occurrenceId() != null ? r.occurrenceId().equals(o.occurrenceId()) : r.startsAt().equals(o.startsAt());
    }
}
