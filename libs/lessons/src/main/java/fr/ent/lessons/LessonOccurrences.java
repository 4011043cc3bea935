package fr.ent.lessons;

import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.events.contract.timetable.LessonScheduled;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The lesson occurrences projected from ent.timetable (tables {@code timetable_lesson} and
 * {@code lesson_occurrence}): written by {@link TimetableProjection} only, read by the services
 * (attendance's registers, homework's cahier de textes).
 */
@ApplicationScoped
public class LessonOccurrences {

    private final Jdbc jdbc;

    public LessonOccurrences(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LessonOccurrence> find(String occurrenceId) {
        return jdbc.one("select * from lesson_occurrence where occurrence_id = ?", LessonOccurrences::map, occurrenceId);
    }

    /** The teacher's occurrences of the day (substitutions included, cancelled ones too) in those schools, by start time. */
    public List<LessonOccurrence> ofTeacher(UUID teacherId, LocalDate day, Collection<UUID> schoolIds) {
        return jdbc.query("""
                select * from lesson_occurrence where ? = any(teacher_ids) and lesson_date = ? and school_id = any(?)
                order by starts_at, subject, occurrence_id""", LessonOccurrences::map, teacherId, day,
                new Jdbc.UuidArray(List.copyOf(schoolIds)));
    }

    /** The school's occurrences of the day (cancelled ones too), by start time. */
    public List<LessonOccurrence> ofSchool(UUID schoolId, LocalDate day) {
        return jdbc.query("""
                select * from lesson_occurrence where school_id = ? and lesson_date = ?
                order by starts_at, subject, occurrence_id""", LessonOccurrences::map, schoolId, day);
    }

    /**
     * The first occurrence of the class or group, not cancelled, that starts after {@code day} at
     * {@code time} and is taught by {@code teacherId} or (when given) is of {@code subject} as the
     * timetable names it: "the next lesson" of that class in that subject.
     */
    public Optional<LessonOccurrence> next(UUID classOrGroup, LocalDate day, LocalTime time, UUID teacherId, String subject) {
        return jdbc.one("""
                select * from lesson_occurrence
                where (? = any(class_ids) or ? = any(group_ids)) and not cancelled
                  and (lesson_date, starts_at) > (?, ?)
                  and (? = any(teacher_ids) or subject = ?)
                order by lesson_date, starts_at, occurrence_id limit 1""", LessonOccurrences::map,
                classOrGroup, classOrGroup, day, time, teacherId, subject);
    }

    /**
     * Takes the lesson's plan when it is not older than the last one applied; false (nothing
     * written) when it is.
     */
    boolean claimVersion(LessonScheduled s) {
        return jdbc.one("""
                insert into timetable_lesson (lesson_id, school_id, version) values (?, ?, ?)
                on conflict (lesson_id) do update set version = excluded.version, school_id = excluded.school_id
                where timetable_lesson.version <= excluded.version
                returning lesson_id""", rs -> rs.getObject(1), s.lessonId(), s.schoolId(), s.version()).isPresent();
    }

    /**
     * Replaces the lesson's planned occurrences: the ones no longer planned go, the others take the
     * plan's values except what a change overrode (moved: day and times; substitute: teachers;
     * room changed: room).
     */
    void replacePlan(LessonScheduled s) {
        List<LessonScheduled.PlannedOccurrence> planned = s.occurrences() == null ? List.of() : s.occurrences();
        jdbc.update("delete from lesson_occurrence where lesson_id = ? and not (occurrence_id = any(?))", s.lessonId(),
                Jdbc.texts(planned, LessonScheduled.PlannedOccurrence::occurrenceId));
        if (planned.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into lesson_occurrence (occurrence_id, lesson_id, school_id, planned_date, lesson_date, starts_at,
                                               ends_at, subject, class_ids, group_ids, teacher_ids, room_id)
                select u.id, ?, ?, u.d::date, u.d::date, u.s::time, u.e::time, ?, ?, ?, ?, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as u(id, d, s, e)
                on conflict (occurrence_id) do update set
                    school_id = excluded.school_id, planned_date = excluded.planned_date, subject = excluded.subject,
                    class_ids = excluded.class_ids, group_ids = excluded.group_ids,
                    lesson_date = case when lesson_occurrence.moved then lesson_occurrence.lesson_date else excluded.lesson_date end,
                    starts_at = case when lesson_occurrence.moved then lesson_occurrence.starts_at else excluded.starts_at end,
                    ends_at = case when lesson_occurrence.moved then lesson_occurrence.ends_at else excluded.ends_at end,
                    teacher_ids = case when lesson_occurrence.substituted then lesson_occurrence.teacher_ids else excluded.teacher_ids end,
                    room_id = case when lesson_occurrence.room_changed then lesson_occurrence.room_id else excluded.room_id end""",
                s.lessonId(), s.schoolId(), s.subject(), uuids(s.classIds()), uuids(s.groupIds()), uuids(s.teacherIds()),
                s.roomId(),
                Jdbc.texts(planned, LessonScheduled.PlannedOccurrence::occurrenceId),
                Jdbc.texts(planned, o -> o.date().toString()),
                Jdbc.texts(planned, o -> o.startsAt().toString()),
                Jdbc.texts(planned, o -> o.endsAt().toString()));
    }

    /**
     * The occurrence as the change says it now is (the event carries its whole state), unless a
     * change recorded later was applied already.
     */
    void applyChange(LessonChanged c, OffsetDateTime recordedAt) {
        boolean moved = !c.date().equals(c.plannedDate()) || !c.startsAt().equals(c.plannedStartsAt());
        LessonChangeKind k = c.kind();
        jdbc.update("""
                insert into lesson_occurrence (occurrence_id, lesson_id, school_id, planned_date, lesson_date, starts_at,
                                               ends_at, subject, class_ids, group_ids, teacher_ids, room_id, cancelled,
                                               moved, substituted, room_changed, added, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (occurrence_id) do update set
                    lesson_date = excluded.lesson_date, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                    subject = excluded.subject, class_ids = excluded.class_ids, group_ids = excluded.group_ids,
                    teacher_ids = excluded.teacher_ids, room_id = excluded.room_id,
                    cancelled = lesson_occurrence.cancelled or excluded.cancelled,
                    moved = excluded.moved,
                    substituted = lesson_occurrence.substituted or excluded.substituted,
                    room_changed = lesson_occurrence.room_changed or excluded.room_changed,
                    added = lesson_occurrence.added or excluded.added,
                    changed_at = excluded.changed_at
                where lesson_occurrence.changed_at is null or lesson_occurrence.changed_at <= excluded.changed_at""",
                c.occurrenceId(), c.lessonId(), c.schoolId(), c.plannedDate(), c.date(), c.startsAt(), c.endsAt(),
                c.subject(), uuids(c.classIds()), uuids(c.groupIds()), uuids(c.teacherIds()), c.roomId(),
                k == LessonChangeKind.CANCELLED, moved, k == LessonChangeKind.SUBSTITUTE,
                k == LessonChangeKind.ROOM_CHANGED, k == LessonChangeKind.ADDED, recordedAt);
    }

    private static Jdbc.UuidArray uuids(List<UUID> ids) {
        return new Jdbc.UuidArray(ids == null ? List.of() : ids);
    }

    public static LessonOccurrence map(ResultSet rs) throws SQLException {
        return new LessonOccurrence(rs.getString("occurrence_id"), Jdbc.uuid(rs, "lesson_id"), Jdbc.uuid(rs, "school_id"),
                rs.getObject("planned_date", LocalDate.class), rs.getObject("lesson_date", LocalDate.class),
                rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
                rs.getString("subject"), uuidList(rs, "class_ids"), uuidList(rs, "group_ids"),
                uuidList(rs, "teacher_ids"), Jdbc.uuid(rs, "room_id"), rs.getBoolean("cancelled"),
                rs.getBoolean("moved"), rs.getBoolean("substituted"), rs.getBoolean("room_changed"),
                rs.getBoolean("added"));
    }

    public static List<UUID> uuidList(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).sorted().toList();
    }
}
