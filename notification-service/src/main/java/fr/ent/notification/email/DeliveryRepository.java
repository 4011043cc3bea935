package fr.ent.notification.email;

import fr.ent.notification.notice.Channel;
import fr.ent.notification.notice.Notice;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery table: what the sender has to send, once per (event, recipient, channel), and how
 * each attempt went. Rows are claimed with {@code for update skip locked}: call the claims inside
 * the transaction that settles them.
 */
@ApplicationScoped
public class DeliveryRepository {

    /**
     * One e-mail (or push, {@code channel}) to send about an event: immediately (status PENDING) or in
     * the daily digest (DIGEST, e-mail only), not before dueAt.
     */
    public record Planned(UUID eventId, String type, Notice notice, Channel channel, boolean digest, Instant dueAt) {
    }

    /** A claimed e-mail delivery, with the recipient's address (null: none known). */
    record Due(long id, UUID recipient, UUID schoolId, String email, int attempts, EmailComposer.Item item) {
    }

    private static final String DUE_COLUMNS = """
            select d.id, d.recipient_id, d.school_id, k.email, d.attempts, d.title, d.body, d.link, d.child_first_name
            from delivery d left join contact k on k.person_id = d.recipient_id""";

    private final Jdbc jdbc;

    DeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the deliveries (of one or many events) in one statement, once per (event, recipient, channel); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(List<Planned> planned) {
        if (planned.isEmpty()) {
            return 0;
        }
        return jdbc.update("""
                        insert into delivery (event_id, recipient_id, channel, type, school_id, child_id, child_first_name,
                                              title, body, link, occurred_at, status, due_at)
                        select u.event, u.recipient, u.channel, u.type, u.school, u.child, u.first_name, u.title, u.body, u.link,
                               u.occurred::timestamptz, u.status, u.due::timestamptz
                        from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             with ordinality as u(event, type, recipient, school, child, first_name, title, body, link,
                                                  occurred, status, due, channel, n)
                        order by u.recipient, u.n
                        on conflict (event_id, recipient_id, channel) do nothing""",
                Jdbc.uuids(planned, Planned::eventId),
                Jdbc.texts(planned, Planned::type),
                Jdbc.uuids(planned, p -> p.notice().recipientId()),
                Jdbc.uuids(planned, p -> p.notice().schoolId()),
                Jdbc.uuids(planned, p -> p.notice().childId()),
                Jdbc.texts(planned, p -> p.notice().childFirstName()),
                Jdbc.texts(planned, p -> p.notice().title()),
                Jdbc.texts(planned, p -> p.notice().body()),
                Jdbc.texts(planned, p -> p.notice().link()),
                Jdbc.texts(planned, p -> p.notice().occurredAt().toString()),
                Jdbc.texts(planned, p -> (p.digest() ? DeliveryStatus.DIGEST : DeliveryStatus.PENDING).name()),
                Jdbc.texts(planned, p -> p.dueAt().toString()),
                Jdbc.texts(planned, p -> p.channel().name()));
    }

    /** Claims the immediate e-mail due first, if any. */
    Optional<Due> claimNextDue(Instant now) {
        return jdbc.one(DUE_COLUMNS + " where d.channel = 'EMAIL' and d.status = 'PENDING' and d.due_at <= ?"
                + " order by d.due_at limit 1 for update of d skip locked", DeliveryRepository::due, now);
    }

    /** Up to 100 recipients with a digest due. */
    List<UUID> digestRecipients(Instant now) {
        return jdbc.query("""
                select distinct recipient_id from delivery
                where channel = 'EMAIL' and status = 'DIGEST' and due_at <= ? limit 100""",
                rs -> Jdbc.uuid(rs, "recipient_id"), now);
    }

    /** Claims the recipient's due digest items, oldest first. */
    List<Due> claimDigest(UUID recipient, Instant now) {
        return jdbc.query(DUE_COLUMNS + " where d.channel = 'EMAIL' and d.status = 'DIGEST' and d.due_at <= ? and d.recipient_id = ?"
                + " order by d.occurred_at for update of d skip locked", DeliveryRepository::due, now, recipient);
    }

    /** A final status; SKIPPED (nothing to send to) does not count as an attempt. */
    public void settle(List<Long> ids, DeliveryStatus status, String error, Instant sentAt) {
        jdbc.update("update delivery set status = ?, last_error = ?, sent_at = ?, attempts = attempts + ? where id = any(?)",
                status, error, sentAt, status == DeliveryStatus.SKIPPED ? 0 : 1, Jdbc.bigints(ids));
    }

    /** Still pending: one more failed attempt, tried again at {@code retryAt}. */
    public void retryLater(List<Long> ids, String error, Instant retryAt) {
        jdbc.update("update delivery set attempts = attempts + 1, last_error = ?, due_at = ? where id = any(?)",
                error, retryAt, Jdbc.bigints(ids));
    }

    private static Due due(ResultSet rs) throws SQLException {
        return new Due(rs.getLong("id"), Jdbc.uuid(rs, "recipient_id"), Jdbc.uuid(rs, "school_id"), rs.getString("email"),
                rs.getInt("attempts"), new EmailComposer.Item(rs.getString("title"), rs.getString("body"), rs.getString("link"),
                rs.getString("child_first_name")));
    }
}
