package fr.ent.notification.inbox;

import fr.ent.notification.notice.Notice;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The inbox's repository, write side: inbox rows, many at once (a school-wide event is thousands of
 * rows in one statement). Takes a transaction-scoped advisory lock first, so that sequence numbers
 * are handed out in commit order across every instance: the live stream and its catch-up rely on
 * "seen seq N ⇒ seen every row below N". Writers queue on that lock only for the length of one
 * short transaction.
 */
@ApplicationScoped
public class InboxWriter {

    /** Any constant; 'NOTI' in ASCII. */
    static final long SEQUENCE_LOCK = 0x4E4F5449L;

    private final Jdbc jdbc;

    InboxWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One inbox row: a notice of an event for its recipient. */
    public record Row(UUID eventId, String type, Notice notice) {
    }

    /**
     * Inserts the rows (of one or many events) in one statement, skipping a recipient who already
     * has that event; returns the rows written. A recipient's rows get their seq in the given order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int write(List<Row> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        jdbc.execute("select pg_advisory_xact_lock(?)", SEQUENCE_LOCK);
        return jdbc.update("""
                        insert into notification (id, event_id, recipient_id, type, school_id, child_id, child_first_name,
                                                  title, body, link, occurred_at)
                        select u.id, u.event, u.recipient, u.type, u.school, u.child, u.first_name, u.title, u.body, u.link,
                               u.occurred::timestamptz
                        from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[])
                             with ordinality as u(id, event, type, recipient, school, child, first_name, title, body, link,
                                                  occurred, n)
                        order by u.recipient, u.n
                        on conflict (event_id, recipient_id) do nothing""",
                Jdbc.uuids(rows, r -> UUID.randomUUID()),
                Jdbc.uuids(rows, Row::eventId),
                Jdbc.texts(rows, Row::type),
                Jdbc.uuids(rows, r -> r.notice().recipientId()),
                Jdbc.uuids(rows, r -> r.notice().schoolId()),
                Jdbc.uuids(rows, r -> r.notice().childId()),
                Jdbc.texts(rows, r -> r.notice().childFirstName()),
                Jdbc.texts(rows, r -> r.notice().title()),
                Jdbc.texts(rows, r -> r.notice().body()),
                Jdbc.texts(rows, r -> r.notice().link()),
                Jdbc.texts(rows, r -> r.notice().occurredAt().toString()));
    }
}
