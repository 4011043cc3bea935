package fr.ent.notification.email;

import fr.ent.notification.fanout.Notice;
import fr.ent.notification.fanout.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records what the sender has to send, once per (event, recipient, channel). */
@ApplicationScoped
public class DeliveryWriter {

    /** One e-mail to send about an event: immediately (status PENDING) or in the daily digest (DIGEST), not before dueAt. */
    public record Planned(UUID eventId, String type, Notice notice, boolean digest, Instant dueAt) {
    }

    private final AgroalDataSource dataSource;

    DeliveryWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the e-mails (of one or many events) in one statement, once per (event, recipient); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int planEmails(List<Planned> planned) {
        if (planned.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     insert into delivery (event_id, recipient_id, channel, type, school_id, child_id, child_first_name,
                                           title, body, link, occurred_at, status, due_at)
                     select u.event, u.recipient, 'EMAIL', u.type, u.school, u.child, u.first_name, u.title, u.body, u.link,
                            u.occurred::timestamptz, u.status, u.due::timestamptz
                     from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::text[], ?::text[])
                          with ordinality as u(event, type, recipient, school, child, first_name, title, body, link,
                                               occurred, status, due, n)
                     order by u.recipient, u.n
                     on conflict (event_id, recipient_id, channel) do nothing""")) {
            insert.setArray(1, Sql.uuids(c, planned, Planned::eventId));
            insert.setArray(2, Sql.texts(c, planned, Planned::type));
            insert.setArray(3, Sql.uuids(c, planned, p -> p.notice().recipientId()));
            insert.setArray(4, Sql.uuids(c, planned, p -> p.notice().schoolId()));
            insert.setArray(5, Sql.uuids(c, planned, p -> p.notice().childId()));
            insert.setArray(6, Sql.texts(c, planned, p -> p.notice().childFirstName()));
            insert.setArray(7, Sql.texts(c, planned, p -> p.notice().title()));
            insert.setArray(8, Sql.texts(c, planned, p -> p.notice().body()));
            insert.setArray(9, Sql.texts(c, planned, p -> p.notice().link()));
            insert.setArray(10, Sql.texts(c, planned, p -> p.notice().occurredAt().toString()));
            insert.setArray(11, Sql.texts(c, planned, p -> p.digest() ? DeliveryStatus.DIGEST.name() : DeliveryStatus.PENDING.name()));
            insert.setArray(12, Sql.texts(c, planned, p -> p.dueAt().toString()));
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot plan " + planned.size() + " e-mails", e);
        }
    }
}
