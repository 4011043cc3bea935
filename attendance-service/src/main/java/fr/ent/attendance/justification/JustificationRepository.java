package fr.ent.attendance.justification;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JustificationRepository {

    private static final String COLUMNS = "id, entry_id, pupil_id, school_id, submitted_by, submitted_at, reason_id, comment, "
            + "attachment_type, attachment_name, coalesce(attachment_bytes, octet_length(attachment)) as attachment_size, status, "
            + "decided_by, decided_at";

    /**
     * The attachment: a file of libs/files ({@code fileId}), or, for one sent before attachments moved
     * to object storage, its bytes as stored here ({@code content}).
     */
    public record Attachment(UUID fileId, byte[] content, String mediaType, String name) {
    }

    private final Jdbc jdbc;

    public JustificationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Justification j, UUID attachmentFileId) {
        jdbc.update("""
                insert into justification (id, entry_id, pupil_id, school_id, submitted_by, submitted_at, reason_id, comment,
                                           attachment_file_id, attachment_type, attachment_name, attachment_bytes, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""",
                j.id(), j.entryId(), j.pupilId(), j.schoolId(), j.submittedBy(), j.submittedAt(), j.reasonId(), j.comment(),
                attachmentFileId, j.attachmentType(), j.attachmentName(), j.attachmentSize());
    }

    public Optional<Justification> find(UUID id) {
        return jdbc.one("select " + COLUMNS + " from justification where id = ?", JustificationRepository::map, id);
    }

    public Optional<Justification> lock(UUID id) {
        return jdbc.one("select " + COLUMNS + " from justification where id = ? for update", JustificationRepository::map, id);
    }

    public boolean pendingFor(UUID entryId) {
        return !jdbc.query("select 1 from justification where entry_id = ? and status = 'PENDING'", rs -> 1, entryId).isEmpty();
    }

    public void decide(UUID id, String status, UUID by, OffsetDateTime at) {
        jdbc.update("update justification set status = ?, decided_by = ?, decided_at = ? where id = ?", status, by, at, id);
    }

    public List<Justification> ofSchool(UUID schoolId, String status) {
        return jdbc.query("select " + COLUMNS + " from justification where school_id = ? and (cast(? as text) is null or status = ?) "
                + "order by submitted_at", JustificationRepository::map, schoolId, status, status);
    }

    public List<Justification> ofEntry(UUID entryId) {
        return jdbc.query("select " + COLUMNS + " from justification where entry_id = ? order by submitted_at",
                JustificationRepository::map, entryId);
    }

    public Optional<Attachment> attachment(UUID id) {
        return jdbc.one("select attachment_file_id, attachment, attachment_type, attachment_name from justification "
                        + "where id = ? and (attachment_file_id is not null or attachment is not null)",
                rs -> new Attachment(Jdbc.uuid(rs, "attachment_file_id"), rs.getBytes(2), rs.getString(3), rs.getString(4)), id);
    }

    /** An attachment still kept in the row (sent before attachments moved to object storage). */
    public record AttachmentInDatabase(UUID schoolId, UUID submittedBy, String name, byte[] content) {
    }

    public List<UUID> withAttachmentInDatabase(int limit) {
        return jdbc.query("select id from justification where attachment is not null and attachment_file_id is null "
                + "order by submitted_at limit ?", rs -> Jdbc.uuid(rs, "id"), limit);
    }

    /** Locks the row (another replica moving it skips it). */
    public Optional<AttachmentInDatabase> lockAttachmentInDatabase(UUID id) {
        return jdbc.one("select school_id, submitted_by, attachment_name, attachment from justification "
                        + "where id = ? and attachment is not null and attachment_file_id is null for update skip locked",
                rs -> new AttachmentInDatabase(Jdbc.uuid(rs, "school_id"), Jdbc.uuid(rs, "submitted_by"),
                        rs.getString("attachment_name"), rs.getBytes("attachment")), id);
    }

    public void attachmentMoved(UUID id, UUID fileId, int size) {
        jdbc.update("update justification set attachment_file_id = ?, attachment_bytes = ?, attachment = null where id = ?",
                fileId, size, id);
    }

    /** The state of the latest justification of each entry (PENDING, ACCEPTED, REFUSED). */
    public Map<UUID, String> latestStatus(Collection<UUID> entryIds) {
        Map<UUID, String> states = new HashMap<>();
        if (entryIds.isEmpty()) {
            return states;
        }
        jdbc.query("""
                select distinct on (entry_id) entry_id, status from justification
                where entry_id = any(?) order by entry_id, submitted_at desc""",
                rs -> states.put(Jdbc.uuid(rs, "entry_id"), rs.getString("status")), new Jdbc.UuidArray(entryIds));
        return states;
    }

    static Justification map(ResultSet rs) throws SQLException {
        return new Justification(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "entry_id"), Jdbc.uuid(rs, "pupil_id"),
                Jdbc.uuid(rs, "school_id"), Jdbc.uuid(rs, "submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
                Jdbc.uuid(rs, "reason_id"), rs.getString("comment"), rs.getString("attachment_type"),
                rs.getString("attachment_name"), Jdbc.integer(rs, "attachment_size"), rs.getString("status"),
                Jdbc.uuid(rs, "decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
    }
}
