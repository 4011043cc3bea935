package fr.ent.notification.email;

import fr.ent.notification.NotificationConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Works through the delivery table like an outbox relay. Each e-mail is claimed with
 * {@code for update skip locked} in its own transaction, sent, and marked SENT in that same
 * transaction: two instances never send the same row. (A crash between the SMTP "250 OK" and the
 * commit would send it again: SMTP offers nothing better.) Failures are retried with a doubling
 * backoff, then recorded FAILED.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private record Due(long id, UUID recipient, UUID schoolId, String email, int attempts, EmailComposer.Item item) {
    }

    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final EmailComposer composer;
    private final NotificationConfig config;
    private final Clock clock;

    EmailSender(AgroalDataSource dataSource, Mailer mailer, EmailComposer composer, NotificationConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.composer = composer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${ent.notification.email.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int budget = config.email().batchSize();
        while (budget-- > 0 && Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(this::sendOne))) {
            // next one
        }
        sendDigests();
    }

    /** Sends one due immediate e-mail; false when none is due. */
    boolean sendOne() {
        try (Connection c = dataSource.getConnection()) {
            List<Due> due = claim(c, """
                    select d.id, d.recipient_id, d.school_id, k.email, d.attempts, d.title, d.body, d.link, d.child_first_name
                    from delivery d left join contact k on k.person_id = d.recipient_id
                    where d.channel = 'EMAIL' and d.status = 'PENDING' and d.due_at <= ?
                    order by d.due_at limit 1 for update of d skip locked""", null);
            if (due.isEmpty()) {
                return false;
            }
            Due d = due.get(0);
            if (d.email() == null) {
                mark(c, List.of(d.id()), DeliveryStatus.SKIPPED, "no e-mail address", null);
                return true;
            }
            deliver(c, composer.notification(d.email(), d.schoolId(), d.item()), List.of(d));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot send e-mail deliveries", e);
        }
    }

    private void sendDigests() {
        List<UUID> recipients = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     select distinct recipient_id from delivery
                     where channel = 'EMAIL' and status = 'DIGEST' and due_at <= ? limit 100""")) {
            q.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    recipients.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find digests to send", e);
        }
        for (UUID recipient : recipients) {
            QuarkusTransaction.requiringNew().run(() -> sendDigest(recipient));
        }
    }

    private void sendDigest(UUID recipient) {
        try (Connection c = dataSource.getConnection()) {
            List<Due> due = claim(c, """
                    select d.id, d.recipient_id, d.school_id, k.email, d.attempts, d.title, d.body, d.link, d.child_first_name
                    from delivery d left join contact k on k.person_id = d.recipient_id
                    where d.channel = 'EMAIL' and d.status = 'DIGEST' and d.due_at <= ? and d.recipient_id = ?
                    order by d.occurred_at for update of d skip locked""", recipient);
            if (due.isEmpty()) {
                return;
            }
            List<Long> ids = due.stream().map(Due::id).toList();
            String email = due.get(0).email();
            if (email == null) {
                mark(c, ids, DeliveryStatus.SKIPPED, "no e-mail address", null);
                return;
            }
            deliver(c, composer.digest(email, due.get(0).schoolId(), due.stream().map(Due::item).toList()), due);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot send the digest of " + recipient, e);
        }
    }

    private void deliver(Connection c, Mail mail, List<Due> due) throws SQLException {
        List<Long> ids = due.stream().map(Due::id).toList();
        try {
            mailer.send(mail);
            mark(c, ids, DeliveryStatus.SENT, null, null);
        } catch (RuntimeException e) {
            int attempts = due.get(0).attempts() + 1;
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempts >= config.email().maxAttempts()) {
                LOG.warnf("e-mail deliveries %s failed %d times, giving up: %s", ids, attempts, reason);
                mark(c, ids, DeliveryStatus.FAILED, reason, null);
            } else {
                Duration wait = config.email().backoff().multipliedBy(1L << Math.min(attempts - 1, 16));
                LOG.infof("e-mail deliveries %s failed (attempt %d), retry in %s: %s", ids, attempts, wait, reason);
                mark(c, ids, null, reason, clock.instant().plus(wait));
            }
        }
    }

    private List<Due> claim(Connection c, String sql, UUID recipient) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setTimestamp(1, Timestamp.from(clock.instant()));
            if (recipient != null) {
                q.setObject(2, recipient);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getInt(5),
                            new EmailComposer.Item(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))));
                }
            }
        }
        return due;
    }

    /** status null = still pending, retried at {@code retryAt}. */
    private void mark(Connection c, List<Long> ids, DeliveryStatus status, String error, Instant retryAt) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement u = c.prepareStatement(status == null
                ? "update delivery set attempts = attempts + 1, last_error = ?, due_at = ? where id = any(?)"
                : "update delivery set status = ?, last_error = ?, sent_at = ?, attempts = attempts + ? where id = any(?)")) {
            if (status == null) {
                u.setString(1, error);
                u.setTimestamp(2, Timestamp.from(retryAt));
                u.setArray(3, c.createArrayOf("bigint", ids.toArray()));
            } else {
                u.setString(1, status.name());
                u.setString(2, error);
                u.setTimestamp(3, status == DeliveryStatus.SENT ? Timestamp.from(now) : null);
                u.setInt(4, status == DeliveryStatus.SKIPPED ? 0 : 1);
                u.setArray(5, c.createArrayOf("bigint", ids.toArray()));
            }
            u.executeUpdate();
        }
    }
}
