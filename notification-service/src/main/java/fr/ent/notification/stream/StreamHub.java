package fr.ent.notification.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.notification.NotificationConfig;
import fr.ent.notification.inbox.Inbox;
import fr.ent.notification.notice.NotificationsRetracted;
import fr.ent.notification.notice.NotificationsWritten;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live streams of this instance. One feeder thread follows the inbox table by seq (commit order,
 * see InboxWriter) and hands new rows to the open streams of their recipients: rows written by
 * this instance wake it right after their commit, rows written by another instance are seen at
 * the next poll. A reconnecting client sends Last-Event-ID and gets what it missed from the table.
 * <p>
 * A stream costs its connection and a {@link Subscriber} (a few hundred bytes), never a thread: the
 * writes go out on the connection's event loop. Each row is read once per round and encoded once
 * ({@link StreamEvent}) however many streams it goes to. The instance holds at most
 * {@code ent.notification.stream.max-open} streams ({@link StreamsFull} beyond), and closes each at
 * its token's expiry with a {@code reconnect} event.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);

    /** Rows read per query when the feed catches up (after a pause, or a school-wide event of thousands of rows). */
    private static final int FEED_PAGE = 2000;

    private final Map<UUID, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    /** Streams counted against max-open: taken on subscribe, given back when a closed one is forgotten. */
    private final AtomicInteger open = new AtomicInteger();
    private final Inbox inbox;
    private final NotificationConfig config;
    private final ObjectMapper json;
    private volatile boolean running;
    private volatile long fed;
    private Thread feeder;

    StreamHub(Inbox inbox, NotificationConfig config, ObjectMapper json) {
        this.inbox = inbox;
        this.config = config;
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        fed = inbox.lastSeq();
        running = true;
        feeder = new Thread(this::feed, "notification-stream-feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake.release();
        subscribers.values().forEach(set -> set.forEach(Subscriber::close));
    }

    /** Rows this instance just committed: no need to wait for the next poll. */
    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsWritten written) {
        if (written.inboxRows() > 0) {
            wake.release();
        }
    }

    /**
     * Notices taken back on this instance (a recalled message): the recipients' open streams here get a
     * {@code notification-removed} event with the inbox ids, so that the portal drops them. Streams held
     * by another instance do not (their inbox no longer lists the notices when next read).
     */
    void retracted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsRetracted retracted) {
        retracted.byRecipient().forEach((person, ids) -> {
            Set<Subscriber> set = subscribers.get(person);
            if (set != null) {
                Buffer event = StreamEvent.removed(ids, json);
                set.forEach(s -> s.removed(event));
            }
        });
    }

    /**
     * Opens a stream until {@code expiresAt} (the token's exp, epoch seconds); with Last-Event-ID,
     * first replays what the person missed after it. Throws {@link StreamsFull} when the instance
     * holds as many streams as it may.
     */
    public void subscribe(UUID person, long expiresAt, Optional<Long> lastEventId, SseEventSink sink, HttpServerResponse response,
                          Sse sse) {
        if (!takeSlot()) {
            throw new StreamsFull(Math.max(1, config.stream().retryAfter().toSeconds()));
        }
        Subscriber s = new Subscriber(person, expiresAt, sink, Subscriber.Wire.of(response), sse);
        subscribers.compute(person, (p, set) -> {
            Set<Subscriber> open = set == null ? ConcurrentHashMap.newKeySet() : set;
            open.add(s);
            return open;
        });
        // Registered before reading: whatever commits from now on reaches s by the feed, the rest by the catch-up.
        try {
            long from = lastEventId.orElseGet(inbox::lastSeq);
            List<StreamEvent> catchUp = lastEventId.isPresent()
                    ? inbox.after(person, from, config.stream().maxReplay()).stream().map(row -> StreamEvent.notification(row, json)).toList()
                    : List.of();
            s.start(from, catchUp);
        } catch (RuntimeException e) {
            forget(s); // the database failed (503): the stream never opened, its place is free again
            throw e;
        }
    }

    private void forget(Subscriber s) {
        Set<Subscriber> set = subscribers.get(s.person);
        if (set != null && set.remove(s)) {
            open.decrementAndGet();
        }
    }

    private boolean takeSlot() {
        int max = config.stream().maxOpen();
        int now;
        do {
            now = open.get();
            if (now >= max) {
                return false;
            }
        } while (!open.compareAndSet(now, now + 1));
        return true;
    }

    public int openStreams() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    /** Open streams of one person on this instance (closed ones may linger until the next feed round). */
    public int openStreams(UUID person) {
        Set<Subscriber> set = subscribers.get(person);
        return set == null ? 0 : (int) set.stream().filter(s -> !s.isClosed()).count();
    }

    private void feed() {
        long heartbeat = config.stream().heartbeat().toNanos();
        long pollInterval = config.stream().pollInterval().toNanos();
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                wake.tryAcquire(config.stream().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                feedOnce();
                // Woken by every commit under load, but the streams are looked over once per poll interval.
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    nextSweep = now + pollInterval;
                    sweep(now, heartbeat);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("live stream feed failed; retrying", e);
            }
        }
    }

    /**
     * Hands the rows committed since the last round to the streams of their recipients: each row is
     * read once and encoded once ({@link StreamEvent}) however many streams it goes to, and only if
     * its recipient has a stream open here.
     */
    private void feedOnce() {
        long upTo = inbox.lastSeq();
        while (fed < upTo) {
            List<Inbox.Addressed> rows = inbox.between(fed, upTo, FEED_PAGE);
            Map<UUID, List<StreamEvent>> events = new HashMap<>();
            for (Inbox.Addressed row : rows) {
                if (subscribers.containsKey(row.recipientId())) {
                    events.computeIfAbsent(row.recipientId(), p -> new ArrayList<>(2)).add(StreamEvent.notification(row.entry(), json));
                }
            }
            events.forEach((person, list) -> {
                Set<Subscriber> set = subscribers.get(person);
                if (set != null) {
                    set.forEach(s -> s.offer(list));
                }
            });
            fed = rows.size() < FEED_PAGE ? upTo : rows.get(rows.size() - 1).entry().seq();
        }
    }

    /**
     * One pass over the open streams, once per poll interval: those whose token has expired are told
     * to reconnect and closed; closed ones are forgotten and give their slot back; those quiet for a
     * heartbeat interval get one. Token expiry is wall time (the token's exp is checked against it), not
     * the school clock.
     */
    private void sweep(long nanoNow, long heartbeat) {
        long now = System.currentTimeMillis() / 1000;
        for (UUID person : subscribers.keySet()) {
            subscribers.computeIfPresent(person, (p, set) -> {
                set.removeIf(s -> {
                    if (!s.isClosed() && s.expiresAt <= now) {
                        s.reconnect("token-expired");
                    }
                    if (s.isClosed()) {
                        open.decrementAndGet();
                        return true;
                    }
                    s.heartbeatIfDue(nanoNow, heartbeat);
                    return false;
                });
                return set.isEmpty() ? null : set;
            });
        }
    }
}
