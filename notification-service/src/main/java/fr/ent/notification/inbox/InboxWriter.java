package fr.ent.notification.inbox;

import fr.ent.notification.fanout.Notice;
import fr.ent.notification.fanout.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Writes inbox rows, many at once (a school-wide event is thousands of rows in one statement).
 * Takes a transaction-scoped advisory lock first, so that sequence numbers are handed out in
 * commit order across every instance: the live stream and its catch-up rely on "seen seq N ⇒ seen
 * every row below N". Writers queue on that lock only for the length of one short transaction.
 */
@ApplicationScoped
public class InboxWriter {

    /** Any constant; 'NOTI' in ASCII. */
    static final long SEQUENCE_LOCK = 0x4E4F5449L;

    private final AgroalDataSource dataSource;

    InboxWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection c = dataSource.getConnection()) {
            try (Statement lock = c.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + SEQUENCE_LOCK + ")");
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into notification (id, event_id, recipient_id, type, school_id, child_id, child_first_name,
                                              title, body, link, occurred_at)
                    select u.id, u.event, u.recipient, u.type, u.school, u.child, u.first_name, u.title, u.body, u.link,
                           u.occurred::timestamptz
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
                                ?::text[], ?::text[], ?::text[])
                         with ordinality as u(id, event, type, recipient, school, child, first_name, title, body, link,
                                              occurred, n)
                    order by u.recipient, u.n
                    on conflict (event_id, recipient_id) do nothing""")) {
                insert.setArray(1, Sql.uuids(c, rows, r -> UUID.randomUUID()));
                insert.setArray(2, Sql.uuids(c, rows, Row::eventId));
                insert.setArray(3, Sql.texts(c, rows, Row::type));
                insert.setArray(4, Sql.uuids(c, rows, r -> r.notice().recipientId()));
                insert.setArray(5, Sql.uuids(c, rows, r -> r.notice().schoolId()));
                insert.setArray(6, Sql.uuids(c, rows, r -> r.notice().childId()));
                insert.setArray(7, Sql.texts(c, rows, r -> r.notice().childFirstName()));
                insert.setArray(8, Sql.texts(c, rows, r -> r.notice().title()));
                insert.setArray(9, Sql.texts(c, rows, r -> r.notice().body()));
                insert.setArray(10, Sql.texts(c, rows, r -> r.notice().link()));
                insert.setArray(11, Sql.texts(c, rows, r -> r.notice().occurredAt().toString()));
                return insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + rows.size() + " inbox rows", e);
        }
    }
}
