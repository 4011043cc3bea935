package fr.ent.notification.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifiers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Notices held back on purpose (a mark reaches guardians some time after the pupil): kept in the
 * database, so a restart loses none, and published once due by whichever instance gets them first.
 */
@ApplicationScoped
public class ScheduledNotices {

    private static final Logger LOG = Logger.getLogger(ScheduledNotices.class);

    /** Due notices one transaction publishes. */
    private static final int BATCH = 500;

    record Held(String type, Notice notice) {
    }

    private final ScheduledNoticeRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final Instance<FanOut> fanOut;
    private final Notifiers notifiers;

    ScheduledNotices(ScheduledNoticeRepository repository, ObjectMapper json, Clock clock, Instance<FanOut> fanOut,
                     Notifiers notifiers) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.fanOut = fanOut;
        this.notifiers = notifiers;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(UUID eventId, NotificationType type, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<ScheduledNoticeRepository.Row> rows = new ArrayList<>();
        for (Notice n : notices) {
            rows.add(new ScheduledNoticeRepository.Row(eventId, n.recipientId(), now.plus(n.delay()),
                    write(new Held(type.key(), n))));
        }
        repository.hold(rows);
    }

    @Scheduled(every = "${ent.notification.scheduled-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        while (QuarkusTransaction.requiringNew().call(this::publishSomeDue) > 0) {
            // next batch
        }
    }

    /** Publishes up to BATCH due notices; instances skip each other's locked rows. */
    int publishSomeDue() {
        List<ScheduledNoticeRepository.Due> claimed = repository.claimDue(clock.instant(), BATCH);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<UUID, Map<String, List<Notice>>> byEvent = new LinkedHashMap<>();
        for (ScheduledNoticeRepository.Due due : claimed) {
            Held held = read(due.json());
            byEvent.computeIfAbsent(due.eventId(), e -> new LinkedHashMap<>())
                    .computeIfAbsent(held.type(), t -> new ArrayList<>())
                    .add(held.notice().after(null));
        }
        List<FanOut.EventNotices> due = new ArrayList<>();
        byEvent.forEach((eventId, byType) -> byType.forEach((type, notices) -> notifiers.type(type).ifPresentOrElse(
                t -> due.add(new FanOut.EventNotices(eventId, t, notices)),
                () -> LOG.warnf("held notices of event %s have an unknown type %s: dropped", eventId, type))));
        fanOut.get().publish(due);
        repository.delete(claimed.stream().map(ScheduledNoticeRepository.Due::id).toList());
        return claimed.size();
    }

    private String write(Held held) {
        try {
            return json.writeValueAsString(held);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot hold a notice of type " + held.type(), e);
        }
    }

    private Held read(String held) {
        try {
            return json.readValue(held, Held.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a held notice", e);
        }
    }
}
