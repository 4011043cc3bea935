package fr.ent.homework.handin;

import fr.ent.homework.support.FileView;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Hand-ins and their files (plain SQL on the transaction's connection). */
@ApplicationScoped
public class HandInRepository {

    /** A pupil's hand-in of a work. */
    public record Row(UUID id, UUID workId, UUID pupilId, Instant handedInAt, boolean late, UUID feedbackFileId,
                      String feedbackComment, Instant feedbackAt) {
    }

    /** What the pupil's list shows of a hand-in. */
    public record State(boolean late, boolean feedback) {
    }

    /** A file of a hand-in, for the archive. */
    public record ArchivedFile(UUID pupilId, UUID fileId, String fileName) {
    }

    private static final String COLUMNS = "id, work_id, pupil_id, handed_in_at, late, feedback_file_id, feedback_comment, feedback_at";

    private final Jdbc jdbc;

    public HandInRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime feedbackAt = rs.getObject(8, OffsetDateTime.class);
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getBoolean(5), rs.getObject(6, UUID.class), rs.getString(7),
                feedbackAt == null ? null : feedbackAt.toInstant());
    }

    public Optional<Row> find(UUID workId, UUID pupilId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM hand_in WHERE work_id = ? AND pupil_id = ?", HandInRepository::row, workId, pupilId);
    }

    /** The hand-in, locked for a change. */
    public Optional<Row> lock(UUID workId, UUID pupilId) {
        return jdbc.one("SELECT " + COLUMNS + " FROM hand_in WHERE work_id = ? AND pupil_id = ? FOR UPDATE", HandInRepository::row,
                workId, pupilId);
    }

    public List<Row> ofWork(UUID workId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM hand_in WHERE work_id = ?", HandInRepository::row, workId);
    }

    public void insert(UUID id, UUID workId, UUID pupilId, UUID schoolId, Instant at, boolean late) {
        jdbc.update("INSERT INTO hand_in (id, work_id, pupil_id, school_id, handed_in_at, late) VALUES (?, ?, ?, ?, ?, ?)",
                id, workId, pupilId, schoolId, at, late);
    }

    public void handedInAgain(UUID id, Instant at, boolean late) {
        jdbc.update("UPDATE hand_in SET handed_in_at = ?, late = ? WHERE id = ?", at, late, id);
    }

    /** Replaces the hand-in's files; returns those it had that are no longer in it. */
    public List<UUID> replaceFiles(UUID handInId, List<UUID> fileIds) {
        List<UUID> old = files(handInId).stream().map(FileView::id).filter(id -> !fileIds.contains(id)).toList();
        jdbc.update("DELETE FROM hand_in_file WHERE hand_in_id = ?", handInId);
        for (int i = 0; i < fileIds.size(); i++) {
            jdbc.update("INSERT INTO hand_in_file (file_id, hand_in_id, position) VALUES (?, ?, ?)", fileIds.get(i), handInId, i);
        }
        return old;
    }

    public List<FileView> files(UUID handInId) {
        return jdbc.query("""
                SELECT f.id, f.file_name, f.content_type, f.size FROM hand_in_file h JOIN ent_file f ON f.id = h.file_id
                WHERE h.hand_in_id = ? ORDER BY h.position""",
                rs -> new FileView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4)), handInId);
    }

    /** Hand-in → how many files. */
    public Map<UUID, Integer> fileCounts(UUID workId) {
        Map<UUID, Integer> result = new HashMap<>();
        jdbc.query("""
                SELECT h.id, count(f.file_id) FROM hand_in h LEFT JOIN hand_in_file f ON f.hand_in_id = h.id
                WHERE h.work_id = ? GROUP BY h.id""", rs -> result.put(rs.getObject(1, UUID.class), rs.getInt(2)), workId);
        return result;
    }

    public List<ArchivedFile> filesOfWork(UUID workId) {
        return jdbc.query("""
                SELECT h.pupil_id, f.id, f.file_name FROM hand_in h JOIN hand_in_file x ON x.hand_in_id = h.id
                JOIN ent_file f ON f.id = x.file_id WHERE h.work_id = ? ORDER BY h.pupil_id, x.position""",
                rs -> new ArchivedFile(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)), workId);
    }

    public void feedback(UUID id, UUID fileId, String comment, Instant at, UUID by) {
        jdbc.update("UPDATE hand_in SET feedback_file_id = ?, feedback_comment = ?, feedback_at = ?, feedback_by = ? WHERE id = ?",
                fileId, comment, at, by, id);
    }

    /** Work → the pupil's hand-in state, for those of these works the pupil handed in. */
    public Map<UUID, State> statesOf(UUID pupilId, Collection<UUID> workIds) {
        Map<UUID, State> result = new HashMap<>();
        if (!workIds.isEmpty()) {
            jdbc.query("SELECT work_id, late, feedback_at IS NOT NULL FROM hand_in WHERE pupil_id = ? AND work_id = ANY (?)",
                    rs -> result.put(rs.getObject(1, UUID.class), new State(rs.getBoolean(2), rs.getBoolean(3))),
                    pupilId, new Jdbc.UuidArray(workIds));
        }
        return result;
    }
}
