package fr.ent.events;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the {@link OutboxRelay} of this instance on one thread of its own: every
 * {@code ent.events.relay.interval} (200 ms; Quarkus's own scheduler does not go below a second)
 * and right after a transaction of this instance that recorded an event commits. Wake-ups
 * coalesce. While another instance holds the relay lock, it retries shortly; while Kafka fails,
 * rounds pause with an exponential backoff up to {@code ent.events.relay.max-backoff}. Also
 * publishes the backlog as Micrometer gauges {@code ent.outbox.pending} and
 * {@code ent.outbox.oldest.age} (seconds), measured every 10 s.
 */
@ApplicationScoped
public class OutboxRelayWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);

    /** Retries while another instance relays: ~1 s worth, then the periodic tick takes over. */
    private static final int BUSY_RETRIES = 20;
    private static final long BUSY_RETRY_MILLIS = 50;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaSettings kafka;

    @Inject
    EventsConfig config;

    @Inject
    MeterRegistry registry;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile long notBefore;
    private volatile boolean started;
    private volatile boolean stopped;
    // Touched only by the relay thread.
    private Duration backoff = Duration.ZERO;
    private int busyRetries;
    private long lastPurge;
    private ScheduledExecutorService thread;
    private OutboxRelay relay;

    void onStart(@Observes StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (started || !config.relay().enabled()) {
            return;
        }
        EventsConfig.Relay settings = config.relay();
        relay = new OutboxRelay(dataSource, kafka.connection(), "ent-outbox" + source(),
                settings.batchSize(), settings.deliveryTimeout(), settings.maxBlock());
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "ent-outbox-relay");
            t.setDaemon(true);
            return t;
        });
        long interval = Math.max(10, settings.interval().toMillis());
        thread.scheduleWithFixedDelay(this::wake, interval, interval, TimeUnit.MILLISECONDS);
        Gauge.builder("ent.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("ent.outbox.oldest.age", oldestAgeMillis, value -> value.get() / 1000.0)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
        started = true;
    }

    private String source() {
        return config.source().map(s -> s.replace('/', '-')).orElse("");
    }

    /** Asks for a round soon; cheap, never blocks, safe from any thread. */
    public void wake() {
        if (!started || stopped) {
            return;
        }
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RuntimeException rejected) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (!stopped && requested.getAndSet(false)) {
                if (System.currentTimeMillis() < notBefore) {
                    break; // backing off: a wake-up is scheduled for the end of the pause
                }
                if (!runRound()) {
                    break;
                }
            }
        } finally {
            running.set(false);
        }
        if (requested.get() && System.currentTimeMillis() >= notBefore) {
            wake();
        }
    }

    /** One round; true if another one should follow at once. */
    private boolean runRound() {
        try {
            OutboxRelay.Round round = relay.relayOnce();
            if (round.failure() != null) {
                if (!(round.failure() instanceof RetriableException)) {
                    // Kafka refuses for good (authorization, record too large...): the relay stays
                    // stuck on this row until someone acts; say so loudly.
                    LOG.errorf("Kafka refuses an outbox event for good; see ent_outbox.last_error: %s",
                            round.failure().toString());
                }
                backOff(round.failure().getClass().getSimpleName() + ": " + round.failure().getMessage(),
                        round.published());
                return false;
            }
            if (!backoff.isZero()) {
                LOG.info("Kafka acknowledges outbox events again");
                backoff = Duration.ZERO;
            }
            if (!round.locked()) {
                // Another instance is relaying; our rows may have been committed after it read.
                if (busyRetries++ < BUSY_RETRIES) {
                    thread.schedule(this::wake, BUSY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                }
                return false;
            }
            busyRetries = 0;
            purgeNowAndThen();
            if (round.mayHaveMore(config.relay().batchSize())) {
                requested.set(true);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            if (!stopped) {
                backOff("database: " + e.getMessage(), 0);
            }
            return false;
        }
    }

    private void backOff(String reason, int published) {
        Duration first = config.relay().interval();
        Duration max = config.relay().maxBackoff();
        backoff = backoff.isZero() ? first : backoff.multipliedBy(2);
        if (backoff.compareTo(max) > 0) {
            backoff = max;
        }
        notBefore = System.currentTimeMillis() + backoff.toMillis();
        thread.schedule(this::wake, backoff.toMillis(), TimeUnit.MILLISECONDS);
        LOG.warnf("outbox relay round failed (%d events acknowledged before the failure); next attempt in %d ms: %s",
                published, backoff.toMillis(), reason);
    }

    private void purgeNowAndThen() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastPurge > 60_000) {
            lastPurge = now;
            int purged = relay.purge(config.relay().retention());
            if (purged > 0) {
                LOG.debugf("purged %d published outbox rows", purged);
            }
        }
    }

    @Scheduled(identity = "ent-outbox-backlog", every = "10s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureBacklog() {
        if (!started || stopped) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select count(*), coalesce(extract(epoch from now() - min(occurred_at)) * 1000, 0)
                     from ent_outbox where published_at is null""");
             ResultSet result = query.executeQuery()) {
            result.next();
            pending.set(result.getLong(1));
            oldestAgeMillis.set(result.getLong(2));
        } catch (SQLException e) {
            LOG.debugf(e, "cannot measure the outbox backlog");
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (relay != null) {
            relay.close();
        }
    }
}
