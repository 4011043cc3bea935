package fr.ent.grades.reportcard;

import fr.ent.web.clock.SchoolClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Report cards are kept until their {@code keep_until} day (the 31 August of the school year
 * {@code grades.report-cards.keep-years} years after theirs), then removed, once a day. Several
 * instances may run it: removing what is past its day twice removes nothing more.
 */
@ApplicationScoped
public class ReportCardRetention {

    private static final Logger LOG = Logger.getLogger(ReportCardRetention.class);

    private final ReportCardRepository repository;
    private final SchoolClock clock;

    ReportCardRetention(ReportCardRepository repository, SchoolClock clock) {
        this.repository = repository;
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

    /** Removes the copies whose keeping time is over (their day passed); how many. */
    @Transactional
    public int purge() {
        return repository.purgeKeptUntil(clock.today());
    }
}
