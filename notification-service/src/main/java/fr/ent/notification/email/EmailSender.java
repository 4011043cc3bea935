package fr.ent.notification.email;

import fr.ent.notification.NotificationConfig;
import fr.ent.notification.email.DeliveryRepository.Due;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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

    private final DeliveryRepository deliveries;
    private final Mailer mailer;
    private final EmailComposer composer;
    private final NotificationConfig config;
    private final Clock clock;

    EmailSender(DeliveryRepository deliveries, Mailer mailer, EmailComposer composer, NotificationConfig config, Clock clock) {
        this.deliveries = deliveries;
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
        Optional<Due> due = deliveries.claimNextDue(clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        Due d = due.get();
        if (d.email() == null) {
            deliveries.settle(List.of(d.id()), DeliveryStatus.SKIPPED, "no e-mail address", null);
            return true;
        }
        deliver(composer.notification(d.email(), d.schoolId(), d.item()), List.of(d));
        return true;
    }

    private void sendDigests() {
        for (UUID recipient : deliveries.digestRecipients(clock.instant())) {
            QuarkusTransaction.requiringNew().run(() -> sendDigest(recipient));
        }
    }

    private void sendDigest(UUID recipient) {
        List<Due> due = deliveries.claimDigest(recipient, clock.instant());
        if (due.isEmpty()) {
            return;
        }
        String email = due.get(0).email();
        if (email == null) {
            deliveries.settle(due.stream().map(Due::id).toList(), DeliveryStatus.SKIPPED, "no e-mail address", null);
            return;
        }
        deliver(composer.digest(email, due.get(0).schoolId(), due.stream().map(Due::item).toList()), due);
    }

    private void deliver(Mail mail, List<Due> due) {
        List<Long> ids = due.stream().map(Due::id).toList();
        try {
            mailer.send(mail);
            deliveries.settle(ids, DeliveryStatus.SENT, null, clock.instant());
        } catch (RuntimeException e) {
            int attempts = due.get(0).attempts() + 1;
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (attempts >= config.email().maxAttempts()) {
                LOG.warnf("e-mail deliveries %s failed %d times, giving up: %s", ids, attempts, reason);
                deliveries.settle(ids, DeliveryStatus.FAILED, reason, null);
            } else {
                Duration wait = config.email().backoff().multipliedBy(1L << Math.min(attempts - 1, 16));
                LOG.infof("e-mail deliveries %s failed (attempt %d), retry in %s: %s", ids, attempts, wait, reason);
                deliveries.retryLater(ids, reason, clock.instant().plus(wait));
            }
        }
    }
}
