package fr.ent.grades.reportcard;

import fr.ent.files.FilePolicy;
import fr.ent.files.FileStorage;
import fr.ent.files.FileType;
import fr.ent.files.StoredFile;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collection;
import java.util.UUID;

/**
 * Where report-card copies live: one object per copy in grades' bucket (libs/files, purpose
 * {@code report-card}, PDF by content, 5 MiB at most), the table {@code report_card_document}
 * naming the file. Copies generated before they moved there are read from the table until
 * {@link ReportCardLegacyCopies} moves them.
 */
@ApplicationScoped
public class ReportCardFiles {

    static final FilePolicy REPORT_CARD = new FilePolicy("report-card", 5L * 1024 * 1024, FileType.PDF);
    private static final Logger LOG = Logger.getLogger(ReportCardFiles.class);

    private final FileStorage files;

    ReportCardFiles(FileStorage files) {
        this.files = files;
    }

    /** Stores one copy (in the caller's transaction for its metadata); the service owns it. */
    public ReportCardRepository.StoredCopy store(UUID schoolId, String fileName, byte[] pdf) {
        StoredFile file = files.store(REPORT_CARD, schoolId, null, fileName, pdf);
        return new ReportCardRepository.StoredCopy(file.id(), file.size());
    }

    /** The bytes of a copy, wherever they are. */
    public InputStream open(ReportCardRepository.Document document) {
        if (document.fileId() != null) {
            return files.open(document.fileId());
        }
        if (document.pdf() != null) {
            return new ByteArrayInputStream(document.pdf());
        }
        throw Problems.notFound("Bulletin introuvable.");
    }

    /**
     * Deletes these copies' files, bytes and metadata, each in its own transaction: call it outside
     * one, once the rows that named them are gone. One that fails is logged.
     */
    public void delete(Collection<UUID> fileIds) {
        for (UUID fileId : fileIds) {
            try {
                files.delete(fileId);
            } catch (RuntimeException e) {
                LOG.warnf("report-card file %s not deleted: %s", fileId, e.toString());
            }
        }
    }
}
