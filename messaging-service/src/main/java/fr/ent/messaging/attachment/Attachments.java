package fr.ent.messaging.attachment;

import fr.ent.files.Download;
import fr.ent.files.FilePolicy;
import fr.ent.files.FileStorage;
import fr.ent.files.FileType;
import fr.ent.files.StoredFile;
import fr.ent.files.UploadOffer;
import fr.ent.files.UploadRequest;
import fr.ent.messaging.support.Access;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Attachments through libs/files: the writer asks for a pre-signed upload in a school they may
 * write in, PUTs the bytes to S3, and names the file ids in the message; sending confirms each
 * (size, type by content, checksum) in the message's transaction, so a refused file sends nothing.
 */
@ApplicationScoped
public class Attachments {

    public static final FilePolicy POLICY = new FilePolicy("message-attachment", 5L * 1024 * 1024,
            FileType.PDF, FileType.PNG, FileType.JPEG, FileType.DOCX, FileType.ODT);
    public static final int MAX_PER_MESSAGE = 10;

    private final FileStorage files;
    private final Access access;
    private final Jdbc jdbc;

    public Attachments(FileStorage files, Access access, Jdbc jdbc) {
        this.files = files;
        this.access = access;
        this.jdbc = jdbc;
    }

    public record View(UUID fileId, String fileName, String contentType, long size) {
    }

    @Transactional
    public UploadOffer offer(UUID school, AttachmentUpload in) {
        Access.Sender sender = access.requireSender(school);
        return files.offerUpload(POLICY, new UploadRequest(school, sender.id(), in.fileName(), in.size(), in.contentType(),
                in.sha256()));
    }

    /** Confirms the sender's uploads and ties them to the message (call inside the sending transaction). */
    public void attach(UUID messageId, UUID school, UUID sender, List<UUID> fileIds) {
        if (fileIds.size() > MAX_PER_MESSAGE) {
            throw Problems.invalidField("attachmentIds", MAX_PER_MESSAGE + " pièces jointes au plus");
        }
        for (UUID id : new LinkedHashSet<>(fileIds)) {
            StoredFile file = files.confirm(POLICY, id, sender);
            if (!school.equals(file.schoolId())) {
                throw Problems.invalidField("attachmentIds", "pièce jointe d'un autre établissement");
            }
            jdbc.update("INSERT INTO attachment (message_id, file_id, file_name, content_type, size) VALUES (?, ?, ?, ?, ?)",
                    messageId, file.id(), file.fileName(), file.contentType(), file.size());
        }
    }

    /** A forwarded message keeps the original's attachments (the same files). */
    public void copy(UUID from, UUID to) {
        jdbc.update("""
                INSERT INTO attachment (message_id, file_id, file_name, content_type, size)
                SELECT ?, file_id, file_name, content_type, size FROM attachment WHERE message_id = ?""", to, from);
    }

    public List<View> of(UUID messageId) {
        return jdbc.query("SELECT file_id, file_name, content_type, size FROM attachment WHERE message_id = ? ORDER BY file_name",
                rs -> new View(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4)), messageId);
    }

    /** A pre-signed download, once the caller's right to read the message was checked. */
    public Download download(UUID messageId, UUID fileId) {
        if (of(messageId).stream().noneMatch(a -> a.fileId().equals(fileId))) {
            throw Problems.notFound("Pièce jointe introuvable.");
        }
        return files.download(fileId);
    }
}
