package fr.ent.notification.fanout;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The scheduled_notice table: notices held back, as JSON, until their due time. */
@ApplicationScoped
public class ScheduledNoticeRepository {

    /** A notice to hold: its event, recipient, due time and JSON. */
    record Row(UUID eventId, UUID recipientId, Instant dueAt, String json) {
    }

    /** A held notice now due, claimed. */
    record Due(long id, UUID eventId, String json) {
    }

    private final Jdbc jdbc;

    ScheduledNoticeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the notices in one batch, once per (event, recipient). */
    void hold(List<Row> notices) {
        jdbc.batch("""
                insert into scheduled_notice (event_id, recipient_id, due_at, notice) values (?, ?, ?, ?::jsonb)
                on conflict (event_id, recipient_id) do nothing""",
                notices.stream().map(n -> new Object[]{n.eventId(), n.recipientId(), n.dueAt(), n.json()}).toList());
    }

    /** Claims up to {@code limit} due notices, oldest first; instances skip each other's locked rows. */
    List<Due> claimDue(Instant now, int limit) {
        return jdbc.query("""
                select id, event_id, notice from scheduled_notice where due_at <= ?
                order by due_at limit ? for update skip locked""",
                rs -> new Due(rs.getLong("id"), Jdbc.uuid(rs, "event_id"), rs.getString("notice")), now, limit);
    }

    void delete(List<Long> ids) {
        jdbc.update("delete from scheduled_notice where id = any(?)", Jdbc.bigints(ids));
    }
}
