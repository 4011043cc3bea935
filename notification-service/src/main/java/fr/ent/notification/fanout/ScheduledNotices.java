package fr.ent.notification.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

    record Held(String type, Notice notice) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final Instance<FanOut> fanOut;
    private final Notifiers notifiers;

    ScheduledNotices(AgroalDataSource dataSource, ObjectMapper json, Clock clock, Instance<FanOut> fanOut,
                     Notifiers notifiers) {
        this.dataSource = dataSource;
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
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into scheduled_notice (event_id, recipient_id, due_at, notice) values (?, ?, ?, ?::jsonb)
                     on conflict (event_id, recipient_id) do nothing""")) {
            for (Notice n : notices) {
                insert.setObject(1, eventId);
                insert.setObject(2, n.recipientId());
                insert.setTimestamp(3, Timestamp.from(now.plus(n.delay())));
                insert.setString(4, json.writeValueAsString(new Held(type.key(), n)));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hold notices of event " + eventId, e);
        }
    }

    @Scheduled(every = "${ent.notification.scheduled-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        while (QuarkusTransaction.requiringNew().call(this::publishSomeDue) > 0) {
            // next batch
        }
    }

    /** Publishes up to 500 due notices; instances skip each other's locked rows. */
    int publishSomeDue() {
        Map<UUID, Map<String, List<Notice>>> byEvent = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("""
                    select id, event_id, notice from scheduled_notice where due_at <= ?
                    order by due_at limit 500 for update skip locked""")) {
                q.setTimestamp(1, Timestamp.from(clock.instant()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        Held held = json.readValue(rs.getString(3), Held.class);
                        byEvent.computeIfAbsent(rs.getObject(2, UUID.class), e -> new LinkedHashMap<>())
                                .computeIfAbsent(held.type(), t -> new ArrayList<>())
                                .add(held.notice().after(null));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            List<FanOut.EventNotices> due = new ArrayList<>();
            byEvent.forEach((eventId, byType) -> byType.forEach((type, notices) -> notifiers.type(type).ifPresentOrElse(
                    t -> due.add(new FanOut.EventNotices(eventId, t, notices)),
                    () -> LOG.warnf("held notices of event %s have an unknown type %s: dropped", eventId, type))));
            fanOut.get().publish(due);
            try (PreparedStatement delete = c.prepareStatement("delete from scheduled_notice where id = any(?)")) {
                delete.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                delete.executeUpdate();
            }
            return ids.size();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot publish held notices", e);
        }
    }
}
