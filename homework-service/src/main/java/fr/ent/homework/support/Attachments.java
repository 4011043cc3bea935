package fr.ent.homework.support;

import fr.ent.files.Download;
import fr.ent.files.FilePolicy;
import fr.ent.files.FileStorage;
import fr.ent.files.FileType;
import fr.ent.files.StoredFile;
import fr.ent.files.UploadOffer;
import fr.ent.files.UploadRequest;
import fr.ent.homework.HomeworkConfig;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Files attached to a lesson log entry or a work, and the file policies of the service (libs/files):
 * attachments and feedback files, hand-ins; PDF, images, DOCX and ODT told by their content.
 */
@ApplicationScoped
public class Attachments {

    private final FileStorage files;
    private final Jdbc jdbc;
    private final FilePolicy attachment;
    private final FilePolicy handIn;

    public Attachments(FileStorage files, Jdbc jdbc, HomeworkConfig config) {
        this.files = files;
        this.jdbc = jdbc;
        this.attachment = new FilePolicy("homework-attachment", config.attachmentMaxBytes(), FileType.PDF, FileType.PNG,
                FileType.JPEG, FileType.DOCX, FileType.ODT);
        this.handIn = new FilePolicy("hand-in", config.handInMaxBytes(), FileType.PDF, FileType.PNG, FileType.JPEG,
                FileType.DOCX, FileType.ODT);
    }

    public FilePolicy attachmentPolicy() {
        return attachment;
    }

    public FilePolicy handInPolicy() {
        return handIn;
    }

    /** A pre-signed upload (the caller's right was checked): 413, 415, 400 before anything is written. */
    public UploadOffer offer(FilePolicy policy, UUID schoolId, UUID owner, UploadInput in) {
        return files.offerUpload(policy, new UploadRequest(schoolId, owner, in.fileName(), in.size(), in.contentType(), in.sha256()));
    }

    /** Confirms each file (size, type by content, SHA-256; 404 not the caller's), in the caller's transaction. */
    public List<StoredFile> confirm(FilePolicy policy, List<UUID> fileIds, UUID owner, String field) {
        if (fileIds == null) {
            return List.of();
        }
        if (fileIds.stream().anyMatch(java.util.Objects::isNull) || new LinkedHashSet<>(fileIds).size() != fileIds.size()) {
            throw Problems.invalidField(field, "un fichier figure deux fois, ou est vide");
        }
        List<StoredFile> confirmed = new ArrayList<>();
        for (UUID id : fileIds) {
            confirmed.add(files.confirm(policy, id, owner));
        }
        return confirmed;
    }

    /** Replaces the attachments of an entry or a work by these confirmed files. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attach(UUID ownerId, List<StoredFile> attached) {
        List<UUID> kept = attached.stream().map(StoredFile::id).toList();
        for (UUID old : of(ownerId)) {
            if (!kept.contains(old)) {
                jdbc.update("DELETE FROM attachment WHERE file_id = ?", old);
                files.delete(old);
            }
        }
        for (int i = 0; i < attached.size(); i++) {
            int written = jdbc.update("""
                    INSERT INTO attachment (file_id, owner_id, position) VALUES (?, ?, ?)
                    ON CONFLICT (file_id) DO UPDATE SET position = excluded.position
                    WHERE attachment.owner_id = excluded.owner_id""", attached.get(i).id(), ownerId, i);
            if (written == 0) {
                // a file is attached to one entry or work: upload it again for another
                throw Problems.invalidField("attachmentIds[" + i + "]", "ce fichier est déjà joint à une autre séance ou un autre travail");
            }
        }
    }

    public List<UUID> of(UUID ownerId) {
        return jdbc.query("SELECT file_id FROM attachment WHERE owner_id = ? ORDER BY position",
                rs -> rs.getObject(1, UUID.class), ownerId);
    }

    /** Owner → its files' metadata, in order. */
    public Map<UUID, List<FileView>> of(Collection<UUID> ownerIds) {
        Map<UUID, List<FileView>> result = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return result;
        }
        jdbc.query("""
                SELECT a.owner_id, f.id, f.file_name, f.content_type, f.size FROM attachment a
                JOIN ent_file f ON f.id = a.file_id WHERE a.owner_id = ANY (?) ORDER BY a.position""",
                rs -> result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new FileView(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getLong(5))),
                new Jdbc.UuidArray(ownerIds));
        return result;
    }

    /** Whether the file is attached to that owner. */
    public boolean isAttachedTo(UUID fileId, UUID ownerId) {
        return jdbc.one("SELECT 1 FROM attachment WHERE file_id = ? AND owner_id = ?", rs -> true, fileId, ownerId).isPresent();
    }

    public Download download(UUID fileId) {
        return files.download(fileId);
    }

    public FileStorage storage() {
        return files;
    }
}
