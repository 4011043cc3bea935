package fr.ent.files;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code ent_file} table (db/ent-files), on the service's datasource and its transaction. */
@ApplicationScoped
class FileRepository {

    /** A row as stored, with what the confirmation checks against. */
    record Row(StoredFile file, String objectKey, long declaredSize, String declaredSha256, long maxBytes,
               List<String> allowedTypes, OffsetDateTime expiresAt) {
    }

    private static final String COLUMNS = "id, school_id, owner_id, purpose, object_key, file_name, declared_size, "
            + "declared_type, declared_sha256, max_bytes, allowed_types, status, size, content_type, sha256, created_at, "
            + "expires_at, confirmed_at";

    private final Jdbc jdbc;

    FileRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insertPending(UUID id, UploadRequest r, FilePolicy policy, String objectKey, String fileName,
                       OffsetDateTime now, OffsetDateTime expiresAt) {
        jdbc.update("""
                insert into ent_file (id, school_id, owner_id, purpose, object_key, file_name, declared_size, declared_type,
                                      declared_sha256, max_bytes, allowed_types, status, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)""",
                id, r.schoolId(), r.ownerId(), policy.purpose(), objectKey, fileName, r.size(),
                FileType.ofMediaType(r.contentType()).orElseThrow().mediaType(), r.sha256().toLowerCase(),
                policy.maxBytes(), Jdbc.texts(policy.types().stream().sorted().toList(), FileType::name), now, expiresAt);
    }

    Optional<Row> find(UUID id) {
        return jdbc.one("select " + COLUMNS + " from ent_file where id = ?", FileRepository::row, id);
    }

    void confirm(UUID id, long size, String contentType, String sha256, OffsetDateTime now) {
        jdbc.update("""
                update ent_file set status = 'confirmed', size = ?, content_type = ?, sha256 = ?, confirmed_at = ?,
                                    expires_at = null
                where id = ?""", size, contentType, sha256, now, id);
    }

    void delete(UUID id) {
        jdbc.update("delete from ent_file where id = ?", id);
    }

    /** Pending uploads past their expiry, locked for this sweep (another replica's sweep skips them). */
    List<Row> claimExpired(OffsetDateTime now, int limit) {
        return jdbc.query("select " + COLUMNS + " from ent_file where status = 'pending' and expires_at < ? "
                + "order by expires_at limit ? for update skip locked", FileRepository::row, now, limit);
    }

    private static Row row(ResultSet rs) throws SQLException {
        boolean confirmed = "confirmed".equals(rs.getString("status"));
        StoredFile file = new StoredFile(rs.getObject("id", UUID.class), rs.getObject("school_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getString("purpose"), rs.getString("file_name"),
                confirmed ? rs.getLong("size") : rs.getLong("declared_size"),
                confirmed ? rs.getString("content_type") : rs.getString("declared_type"),
                confirmed ? rs.getString("sha256") : rs.getString("declared_sha256"),
                confirmed ? StoredFile.Status.CONFIRMED : StoredFile.Status.PENDING,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("confirmed_at", OffsetDateTime.class));
        return new Row(file, rs.getString("object_key"), rs.getLong("declared_size"), rs.getString("declared_sha256"),
                rs.getLong("max_bytes"), List.of((String[]) rs.getArray("allowed_types").getArray()),
                rs.getObject("expires_at", OffsetDateTime.class));
    }
}
