package fr.ent.grades.reportcard;

import fr.ent.web.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Copies generated before report cards moved to object storage kept their PDF in the table. In the
 * background, by batches, each is stored with libs/files and its row then names the file and forgets
 * the bytes, one transaction per copy (as attendance moved its attachments); until then it is served
 * from the row.
 */
@ApplicationScoped
public class ReportCardLegacyCopies {

    private static final Logger LOG = Logger.getLogger(ReportCardLegacyCopies.class);
    private static final int BATCH = 20;

    private final ReportCardRepository repository;
    private final ReportCardFiles files;

    ReportCardLegacyCopies(ReportCardRepository repository, ReportCardFiles files) {
        this.repository = repository;
        this.files = files;
    }

    @Scheduled(every = "${grades.report-cards.legacy-copies-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            moveAll();
        } catch (RuntimeException e) {
            LOG.warnf("moving report cards to object storage failed, the next run tries again: %s", e.toString());
        }
    }

    /** Moves every copy still kept in the database; how many moved. */
    public int moveAll() {
        int total = 0;
        int moved;
        do {
            moved = 0;
            for (ReportCardRepository.DocumentKey key : repository.inDatabase(BATCH)) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> moveOne(key))) {
                        moved++;
                    }
                } catch (ProblemException refused) {
                    // not a PDF libs/files accepts: it stays where it is, served as before
                    LOG.warnf("report card %s not moved: %s", key, refused.detail());
                }
            }
            total += moved;
        } while (moved == BATCH);
        return total;
    }

    private boolean moveOne(ReportCardRepository.DocumentKey key) {
        return repository.lockInDatabase(key).map(legacy -> {
            ReportCardRepository.StoredCopy copy = files.store(legacy.schoolId(), "bulletin.pdf", legacy.pdf());
            repository.moved(key, copy.fileId());
            return true;
        }).orElse(false);
    }
}
