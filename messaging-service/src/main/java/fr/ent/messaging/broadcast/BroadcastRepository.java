package fr.ent.messaging.broadcast;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class BroadcastRepository {

    private final Jdbc jdbc;

    public BroadcastRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The school's classes of those levels, from the directory projection's table (libs/directory has no such question). */
    public List<UUID> classesOfLevels(UUID school, Collection<String> levels) {
        return jdbc.query("SELECT id FROM directory_class_group WHERE school_id = ? AND kind = 'CLASS' AND level = any(?)",
                rs -> rs.getObject(1, UUID.class), school, new Jdbc.SqlArray("text", List.copyOf(levels)));
    }

    public void insert(UUID id, UUID school, UUID sender, String audience, Instant at, Set<UUID> guardians) {
        jdbc.update("INSERT INTO broadcast (id, school_id, sender_id, audience, sent_at) VALUES (?, ?, ?, ?::jsonb, ?)",
                id, school, sender, audience, at);
        jdbc.update("INSERT INTO broadcast_family (broadcast_id, guardian_id) SELECT ?, g FROM unnest(?) AS t(g)",
                id, new Jdbc.UuidArray(List.copyOf(guardians)));
    }

    public record Head(UUID id, UUID schoolId, String subject, Instant sentAt) {
    }

    public Optional<Head> inSchool(UUID school, UUID id) {
        return jdbc.one("""
                SELECT b.id, b.school_id, m.subject, b.sent_at FROM broadcast b JOIN message m ON m.id = b.id
                WHERE b.school_id = ? AND b.id = ?""",
                rs -> new Head(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), Jdbc.instant(rs, "sent_at")),
                school, id);
    }

    public List<Head> ofSchool(UUID school) {
        return jdbc.query("""
                SELECT b.id, b.school_id, m.subject, b.sent_at FROM broadcast b JOIN message m ON m.id = b.id
                WHERE b.school_id = ? ORDER BY b.sent_at DESC LIMIT 100""",
                rs -> new Head(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), Jdbc.instant(rs, "sent_at")),
                school);
    }

    public record FamilyRow(UUID guardianId, Instant acknowledgedAt, Instant remindedAt) {
    }

    public List<FamilyRow> families(UUID id) {
        return jdbc.query("SELECT guardian_id, acknowledged_at, reminded_at FROM broadcast_family WHERE broadcast_id = ? ORDER BY guardian_id",
                rs -> new FamilyRow(rs.getObject(1, UUID.class), Jdbc.instant(rs, "acknowledged_at"), Jdbc.instant(rs, "reminded_at")), id);
    }

    /** Empty when the guardian is not one of the broadcast's families. */
    public Optional<UUID> schoolFor(UUID id, UUID guardian) {
        return jdbc.one("""
                SELECT b.school_id FROM broadcast_family f JOIN broadcast b ON b.id = f.broadcast_id
                WHERE f.broadcast_id = ? AND f.guardian_id = ?""", rs -> rs.getObject(1, UUID.class), id, guardian);
    }

    public void acknowledge(UUID id, UUID guardian, Instant at) {
        jdbc.update("UPDATE broadcast_family SET acknowledged_at = ? WHERE broadcast_id = ? AND guardian_id = ? AND acknowledged_at IS NULL",
                at, id, guardian);
    }

    /** Marks those who have not acknowledged as reminded now; returns them. */
    public List<UUID> remind(UUID id, Instant at) {
        return jdbc.query("""
                UPDATE broadcast_family SET reminded_at = ? WHERE broadcast_id = ? AND acknowledged_at IS NULL
                RETURNING guardian_id""", rs -> rs.getObject(1, UUID.class), at, id);
    }
}
