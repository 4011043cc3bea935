package fr.ent.attendance.entry;

import fr.ent.attendance.entry.HalfDays.HalfDay;
import fr.ent.web.jdbc.Jdbc.UuidArray;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EntryRepository {

    static final String COLUMNS = "id, school_id, pupil_id, kind, starts_at, ends_at, late_minutes, reason_id, status, "
            + "origin, register_id, collective_id, comment, recorded_by, recorded_at";

    private final Jdbc jdbc;

    public EntryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(List<AttendanceEntry> entries) {
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (AttendanceEntry e : entries) {
            rows.add(new Object[]{e.id(), e.schoolId(), e.pupilId(), e.kind(), e.startsAt(), e.endsAt(), e.lateMinutes(),
                    e.reasonId(), e.status(), e.origin(), e.registerId(), e.collectiveId(), e.comment(), e.recordedBy(),
                    e.recordedAt()});
        }
        jdbc.batch("insert into attendance_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public void insertHalfDays(UUID entryId, UUID pupilId, List<HalfDay> halfDays, List<Object[]> into) {
        for (HalfDay h : halfDays) {
            into.add(new Object[]{entryId, pupilId, h.day(), h.morning()});
        }
    }

    public void flushHalfDays(List<Object[]> rows) {
        jdbc.batch("insert into absence_half_day (entry_id, pupil_id, day, morning) values (?, ?, ?, ?)", rows);
    }

    public void deleteHalfDays(UUID entryId) {
        jdbc.update("delete from absence_half_day where entry_id = ?", entryId);
    }

    public Optional<AttendanceEntry> find(UUID id) {
        return jdbc.one("select " + COLUMNS + " from attendance_entry where id = ?", EntryRepository::map, id);
    }

    /** Locks the entry for a change of status. */
    public Optional<AttendanceEntry> lock(UUID id) {
        return jdbc.one("select " + COLUMNS + " from attendance_entry where id = ? for update", EntryRepository::map, id);
    }

    public void updateStatus(UUID id, EntryStatus status, UUID reasonId) {
        jdbc.update("update attendance_entry set status = ?, reason_id = ? where id = ?", status, reasonId, id);
    }

    /** For each pupil, an absence still in force that overlaps [start, end). */
    public Map<UUID, UUID> absencesOverlapping(Collection<UUID> pupils, OffsetDateTime start, OffsetDateTime end) {
        Map<UUID, UUID> found = new HashMap<>();
        if (pupils.isEmpty()) {
            return found;
        }
        jdbc.query("""
                select pupil_id, id from attendance_entry
                where pupil_id = any(?) and kind = 'ABSENCE' and status <> 'CANCELLED'
                  and starts_at < ? and ends_at > ?""",
                rs -> found.putIfAbsent(Jdbc.uuid(rs, "pupil_id"), Jdbc.uuid(rs, "id")),
                new UuidArray(pupils), end, start);
        return found;
    }

    public List<AttendanceEntry> ofPupil(UUID pupilId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("select " + COLUMNS + " from attendance_entry where pupil_id = ? and starts_at < ? and ends_at > ? "
                + "and status <> 'CANCELLED' order by starts_at desc", EntryRepository::map, pupilId, to, from);
    }

    public List<AttendanceEntry> ofPupils(Collection<UUID> pupils, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("select " + COLUMNS + " from attendance_entry where pupil_id = any(?) and starts_at < ? and ends_at > ? "
                + "and status <> 'CANCELLED' order by starts_at", EntryRepository::map, new UuidArray(pupils), to, from);
    }

    public List<AttendanceEntry> ofSchool(UUID schoolId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("select " + COLUMNS + " from attendance_entry where school_id = ? and starts_at < ? and ends_at > ? "
                + "and status <> 'CANCELLED' order by starts_at, pupil_id", EntryRepository::map, schoolId, to, from);
    }

    /** Unjustified half-days per pupil between two days (inclusive), each half-day counted once. */
    public Map<UUID, Integer> unjustifiedHalfDays(Collection<UUID> pupils, LocalDate from, LocalDate to) {
        return halfDays(pupils, from, to, "UNJUSTIFIED");
    }

    public Map<UUID, Integer> justifiedHalfDays(Collection<UUID> pupils, LocalDate from, LocalDate to) {
        return halfDays(pupils, from, to, "JUSTIFIED");
    }

    private Map<UUID, Integer> halfDays(Collection<UUID> pupils, LocalDate from, LocalDate to, String status) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (pupils.isEmpty()) {
            return counts;
        }
        jdbc.query("""
                select pupil_id, count(*) as n from (
                    select distinct h.pupil_id, h.day, h.morning from absence_half_day h
                    join attendance_entry e on e.id = h.entry_id
                    where h.pupil_id = any(?) and h.day between ? and ? and e.status = ?
                ) d group by pupil_id""",
                rs -> counts.put(Jdbc.uuid(rs, "pupil_id"), rs.getInt("n")), new UuidArray(pupils), from, to, status);
        return counts;
    }

    static AttendanceEntry map(ResultSet rs) throws SQLException {
        return new AttendanceEntry(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "school_id"), Jdbc.uuid(rs, "pupil_id"),
                EntryKind.valueOf(rs.getString("kind")), rs.getObject("starts_at", OffsetDateTime.class),
                rs.getObject("ends_at", OffsetDateTime.class), Jdbc.integer(rs, "late_minutes"), Jdbc.uuid(rs, "reason_id"),
                EntryStatus.valueOf(rs.getString("status")), EntryOrigin.valueOf(rs.getString("origin")),
                Jdbc.uuid(rs, "register_id"), Jdbc.uuid(rs, "collective_id"), rs.getString("comment"),
                Jdbc.uuid(rs, "recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
