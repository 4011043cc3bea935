package fr.ent.files;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every {@code ent.files.sweep-every}: pending uploads past their expiry are deleted, bytes and
 * metadata, by batches. A failure (S3 or the database down) is logged; the next run tries again.
 */
@ApplicationScoped
class UnconfirmedUploadSweep {

    private static final Logger LOG = Logger.getLogger(UnconfirmedUploadSweep.class);
    private static final int BATCH = 100;

    private final FileStorage storage;

    UnconfirmedUploadSweep(FileStorage storage) {
        this.storage = storage;
    }

    @Scheduled(every = "${ent.files.sweep-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            while (storage.sweepUnconfirmed(BATCH) == BATCH) {
                // another batch
            }
        } catch (RuntimeException e) {
            LOG.warnf("sweeping unconfirmed uploads failed, next run tries again: %s", e.toString());
        }
    }
}
