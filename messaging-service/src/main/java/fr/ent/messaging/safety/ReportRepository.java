package fr.ent.messaging.safety;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository {

    private final Jdbc jdbc;

    public ReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(UUID id, UUID messageId, UUID schoolId, UUID reporterId, ReportInput.Reason reason, Instant reportedAt,
                      String status) {
    }

    private static final String COLUMNS = "SELECT id, message_id, school_id, reporter_id, reason, reported_at, status FROM report";

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), ReportInput.Reason.valueOf(rs.getString(5)), Jdbc.instant(rs, "reported_at"),
                rs.getString(7));
    }

    /** False when the person already reported that message. */
    public boolean insert(Row r) {
        return jdbc.update("""
                INSERT INTO report (id, message_id, school_id, reporter_id, reason, reported_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (message_id, reporter_id) DO NOTHING""",
                r.id(), r.messageId(), r.schoolId(), r.reporterId(), r.reason(), r.reportedAt()) == 1;
    }

    public List<Row> ofSchool(UUID school) {
        return jdbc.query(COLUMNS + " WHERE school_id = ? ORDER BY (status = 'OPEN') DESC, reported_at DESC LIMIT 200",
                ReportRepository::row, school);
    }

    public Optional<Row> inSchool(UUID school, UUID id) {
        return jdbc.one(COLUMNS + " WHERE school_id = ? AND id = ?", ReportRepository::row, school, id);
    }

    public void handle(UUID messageId, String status, UUID by, Instant at) {
        jdbc.update("UPDATE report SET status = ?, handled_by = ?, handled_at = ? WHERE message_id = ?", status, by, at, messageId);
    }

    public void hide(UUID messageId, Instant at) {
        jdbc.update("UPDATE message SET hidden_at = ? WHERE id = ? AND hidden_at IS NULL", at, messageId);
    }
}
