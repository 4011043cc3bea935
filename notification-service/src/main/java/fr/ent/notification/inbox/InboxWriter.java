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

    /** Inserts one row per notice, skipping recipients who already have this event; returns the rows written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int write(UUID eventId, String type, List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            try (Statement lock = c.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + SEQUENCE_LOCK + ")");
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into notification (id, event_id, recipient_id, type, school_id, child_id, child_first_name,
                                              title, body, link, occurred_at)
                    select u.id, ?, u.recipient, ?, u.school, u.child, u.first_name, u.title, u.body, u.link,
                           u.occurred::timestamptz
                    from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as u(id, recipient, school, child, first_name, title, body, link, occurred)
                    order by u.recipient
                    on conflict (event_id, recipient_id) do nothing""")) {
                insert.setObject(1, eventId);
                insert.setString(2, type);
                insert.setArray(3, Sql.uuids(c, notices, n -> UUID.randomUUID()));
                insert.setArray(4, Sql.uuids(c, notices, Notice::recipientId));
                insert.setArray(5, Sql.uuids(c, notices, Notice::schoolId));
                insert.setArray(6, Sql.uuids(c, notices, Notice::childId));
                insert.setArray(7, Sql.texts(c, notices, Notice::childFirstName));
                insert.setArray(8, Sql.texts(c, notices, Notice::title));
                insert.setArray(9, Sql.texts(c, notices, Notice::body));
                insert.setArray(10, Sql.texts(c, notices, Notice::link));
                insert.setArray(11, Sql.texts(c, notices, n -> n.occurredAt().toString()));
                return insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write inbox rows for event " + eventId, e);
        }
    }
}
