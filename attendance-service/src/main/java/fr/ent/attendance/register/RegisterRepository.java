package fr.ent.attendance.register;

import fr.ent.lessons.LessonOccurrences;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RegisterRepository {

    private final Jdbc jdbc;

    public RegisterRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the register of the lesson, or finds the one already there (same class or group, day
     * and start), locked for the rest of the transaction: concurrent submissions queue up on it.
     */
    public Register openOrLock(Register r) {
        return jdbc.one("""
                insert into register (id, school_id, group_id, subject, lesson_date, starts_at, ends_at,
                                      timetable_lesson_id, opened_by, opened_at, status, occurrence_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                on conflict (group_id, lesson_date, starts_at) do update set status = register.status,
                    occurrence_id = coalesce(register.occurrence_id, excluded.occurrence_id),
                    timetable_lesson_id = coalesce(register.timetable_lesson_id, excluded.timetable_lesson_id)
                returning *""",
                RegisterRepository::map, r.id(), r.schoolId(), r.groupId(), r.subject(), r.date(), r.startsAt(),
                r.endsAt(), r.timetableLessonId(), r.openedBy(), r.openedAt(), r.occurrenceId()).orElseThrow();
    }

    public Optional<Register> find(UUID id) {
        return jdbc.one("select * from register where id = ?", RegisterRepository::map, id);
    }

    public Optional<Register> lock(UUID id) {
        return jdbc.one("select * from register where id = ? for update", RegisterRepository::map, id);
    }

    /** A register locked, with the teachers of its lesson occurrence when it is tied to one. */
    public record Locked(Register register, List<UUID> occurrenceTeachers) {
    }

    /** {@link #lock}, and the occurrence's teachers in the same query (the roll call's one lookup). */
    public Optional<Locked> lockWithTeachers(UUID id) {
        return jdbc.one("""
                select r.*, o.teacher_ids from register r
                left join lesson_occurrence o on o.occurrence_id = r.occurrence_id
                where r.id = ? for update of r""",
                rs -> new Locked(map(rs), LessonOccurrences.uuidList(rs, "teacher_ids")), id);
    }

    public void submitted(UUID id, UUID by, OffsetDateTime at) {
        jdbc.update("update register set status = 'SUBMITTED', submitted_by = ?, submitted_at = ? where id = ?", by, at, id);
    }

    public void validated(UUID id, UUID by, OffsetDateTime at) {
        jdbc.update("update register set status = 'VALIDATED', validated_by = ?, validated_at = ? where id = ?", by, at, id);
    }

    public void reopened(UUID id) {
        jdbc.update("update register set status = 'SUBMITTED', validated_by = null, validated_at = null where id = ?", id);
    }

    public List<Register> ofSchool(UUID schoolId, LocalDate date) {
        return jdbc.query("select * from register where school_id = ? and lesson_date = ? order by starts_at, group_id",
                RegisterRepository::map, schoolId, date);
    }

    public List<Register> ofGroup(UUID groupId, LocalDate date) {
        return jdbc.query("select * from register where group_id = ? and lesson_date = ? order by starts_at",
                RegisterRepository::map, groupId, date);
    }

    /** Lessons of the day whose register was opened and never submitted. */
    public List<Register> notTaken(UUID schoolId, LocalDate date) {
        return jdbc.query("""
                select * from register where school_id = ? and lesson_date = ? and status = 'OPEN'
                order by starts_at, group_id""", RegisterRepository::map, schoolId, date);
    }

    // --- Marks

    public void insertMarks(List<Mark> marks) {
        List<Object[]> rows = new ArrayList<>(marks.size());
        for (Mark m : marks) {
            rows.add(new Object[]{m.registerId(), m.pupilId(), m.status(), m.lateMinutes(), m.leftAt(), m.entryId(),
                    m.markedBy(), m.markedAt()});
        }
        jdbc.batch("""
                insert into mark (register_id, pupil_id, status, late_minutes, left_at, entry_id, marked_by, marked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    public List<Mark> marks(UUID registerId) {
        return jdbc.query("select * from mark where register_id = ?", RegisterRepository::mapMark, registerId);
    }

    public List<Mark> marksOf(List<UUID> registerIds) {
        return jdbc.query("select * from mark where register_id = any(?)", RegisterRepository::mapMark,
                new Jdbc.UuidArray(registerIds));
    }

    public Optional<Mark> lockMark(UUID registerId, UUID pupilId) {
        return jdbc.one("select * from mark where register_id = ? and pupil_id = ? for update",
                RegisterRepository::mapMark, registerId, pupilId);
    }

    /** Keeps the old value in the history, then replaces it. */
    public void replaceMark(Mark old, Mark now) {
        jdbc.update("""
                insert into mark_history (register_id, pupil_id, status, late_minutes, left_at, marked_by, marked_at,
                                          replaced_by, replaced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                old.registerId(), old.pupilId(), old.status(), old.lateMinutes(), old.leftAt(), old.markedBy(),
                old.markedAt(), now.markedBy(), now.markedAt());
        jdbc.update("""
                update mark set status = ?, late_minutes = ?, left_at = ?, entry_id = ?, marked_by = ?, marked_at = ?
                where register_id = ? and pupil_id = ?""",
                now.status(), now.lateMinutes(), now.leftAt(), now.entryId(), now.markedBy(), now.markedAt(),
                now.registerId(), now.pupilId());
    }

    public List<MarkChange> history(UUID registerId, UUID pupilId) {
        return jdbc.query("""
                select * from mark_history where register_id = ? and pupil_id = ? order by id""",
                rs -> new MarkChange(MarkStatus.valueOf(rs.getString("status")), Jdbc.integer(rs, "late_minutes"),
                        rs.getObject("left_at", LocalTime.class), Jdbc.uuid(rs, "marked_by"),
                        rs.getObject("marked_at", OffsetDateTime.class), Jdbc.uuid(rs, "replaced_by"),
                        rs.getObject("replaced_at", OffsetDateTime.class)), registerId, pupilId);
    }

    static Register map(ResultSet rs) throws SQLException {
        return new Register(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "school_id"), Jdbc.uuid(rs, "group_id"),
                rs.getString("subject"), rs.getObject("lesson_date", LocalDate.class),
                rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class),
                Jdbc.uuid(rs, "timetable_lesson_id"), Jdbc.uuid(rs, "opened_by"),
                rs.getObject("opened_at", OffsetDateTime.class), RegisterStatus.valueOf(rs.getString("status")),
                Jdbc.uuid(rs, "submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
                Jdbc.uuid(rs, "validated_by"), rs.getObject("validated_at", OffsetDateTime.class),
                rs.getString("occurrence_id"));
    }

    static Mark mapMark(ResultSet rs) throws SQLException {
        return new Mark(Jdbc.uuid(rs, "register_id"), Jdbc.uuid(rs, "pupil_id"), MarkStatus.valueOf(rs.getString("status")),
                Jdbc.integer(rs, "late_minutes"), rs.getObject("left_at", LocalTime.class), Jdbc.uuid(rs, "entry_id"),
                Jdbc.uuid(rs, "marked_by"), rs.getObject("marked_at", OffsetDateTime.class));
    }
}
