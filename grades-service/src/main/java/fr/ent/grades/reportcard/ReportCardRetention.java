package fr.ent.grades.reportcard;

import fr.ent.web.clock.SchoolClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Report cards are kept until their {@code keep_until} day (the 31 August of the school year
 * {@code grades.report-cards.keep-years} years after theirs), then removed, once a day: the row and
 * its object in storage. Several instances may run it: each batch is claimed with
 * {@code for update skip locked}, and removing what is past its day twice removes nothing more.
 */
@ApplicationScoped
public class ReportCardRetention {

    private static final Logger LOG = Logger.getLogger(ReportCardRetention.class);
    private static final int BATCH = 100;

    private final ReportCardRepository repository;
    private final ReportCardFiles files;
    private final SchoolClock clock;

    ReportCardRetention(ReportCardRepository repository, ReportCardFiles files, SchoolClock clock) {
        this.repository = repository;
        this.files = files;
        this.clock = clock;
    }

    @Scheduled(identity = "grades-report-card-retention", every = "24h", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        int removed = purge();
        if (removed > 0) {
            LOG.infof("%d report card copies past their keeping time removed", removed);
        }
    }

    /**
     * Removes the copies whose keeping time is over (their day passed), by batches: the rows in one
     * transaction, then each copy's file (metadata and object, its own transaction; one S3 fails to
     * delete is logged); how many.
     */
    public int purge() {
        int total = 0;
        int removed;
        do {
            List<Optional<UUID>> gone = QuarkusTransaction.requiringNew().call(() -> repository.purgeKeptUntil(clock.today(), BATCH));
            files.delete(gone.stream().flatMap(Optional::stream).toList());
            removed = gone.size();
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
