package fr.ent.attendance.justification;

import fr.ent.files.FileStorage;
import fr.ent.files.StoredFile;
import fr.ent.web.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Attachments sent before they moved to object storage were kept as {@code bytea} in the
 * justification's row. In the background, by batches, each is stored with libs/files (checked like
 * an upload) and the row then names the file and forgets the bytes, one transaction per
 * justification; until then the attachment is served from the row as before.
 */
@ApplicationScoped
public class LegacyAttachments {

    private static final Logger LOG = Logger.getLogger(LegacyAttachments.class);
    private static final int BATCH = 20;

    private final JustificationRepository justifications;
    private final JustificationService service;
    private final FileStorage files;

    LegacyAttachments(JustificationRepository justifications, JustificationService service, FileStorage files) {
        this.justifications = justifications;
        this.service = service;
        this.files = files;
    }

    @Scheduled(every = "${attendance.legacy-attachments-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            moveAll();
        } catch (RuntimeException e) {
            LOG.warnf("moving attachments to object storage failed, the next run tries again: %s", e.toString());
        }
    }

    /** Moves every attachment still kept in the database; returns how many moved. */
    public int moveAll() {
        int total = 0;
        int moved;
        do {
            moved = 0;
            for (UUID id : justifications.withAttachmentInDatabase(BATCH)) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> moveOne(id))) {
                        moved++;
                    }
                } catch (ProblemException refused) {
                    // checked when it was sent; a stricter rule since: it stays where it is, served as before
                    LOG.warnf("attachment of justification %s not moved: %s", id, refused.detail());
                }
            }
            total += moved;
        } while (moved == BATCH);
        return total;
    }

    private boolean moveOne(UUID id) {
        return justifications.lockAttachmentInDatabase(id).map(legacy -> {
            StoredFile file = files.store(service.attachmentPolicy(), legacy.schoolId(), legacy.submittedBy(),
                    legacy.name(), legacy.content());
            justifications.attachmentMoved(id, file.id(), Math.toIntExact(file.size()));
            return true;
        }).orElse(false);
    }
}
