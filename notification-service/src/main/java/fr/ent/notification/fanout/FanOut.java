package fr.ent.notification.fanout;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.notification.NotificationConfig;
import fr.ent.notification.email.DeliveryWriter;
import fr.ent.notification.email.DeliveryWriter.Planned;
import fr.ent.notification.inbox.InboxWriter;
import fr.ent.notification.preference.Channel;
import fr.ent.notification.preference.Mode;
import fr.ent.notification.preference.Preferences;
import fr.ent.notification.quiethours.QuietHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The core: an event in, its notices out to every channel each recipient wants. Runs in the
 * consumer's transaction (with the "already processed" check), and the inbox and delivery tables
 * refuse a second row per (event, recipient[, channel]): redelivery, a restart mid-batch or a second
 * instance cannot tell a family twice.
 */
@ApplicationScoped
public class FanOut {

    private final Notifiers notifiers;
    private final Preferences preferences;
    private final InboxWriter inbox;
    private final DeliveryWriter deliveries;
    private final QuietHours quietHours;
    private final ScheduledNotices scheduled;
    private final NotificationConfig config;
    private final Clock clock;
    private final Event<NotificationsWritten> written;

    FanOut(Notifiers notifiers, Preferences preferences, InboxWriter inbox, DeliveryWriter deliveries,
           QuietHours quietHours, ScheduledNotices scheduled, NotificationConfig config, Clock clock,
           Event<NotificationsWritten> written) {
        this.notifiers = notifiers;
        this.preferences = preferences;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.quietHours = quietHours;
        this.scheduled = scheduled;
        this.config = config;
        this.clock = clock;
        this.written = written;
    }

    /** Handles one event; an event type nobody handles is refused (dead-letter topic), never dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(IncomingEvent event) {
        Notifier notifier = notifiers.forEventType(event.type())
                .orElseThrow(() -> new PoisonEventException("no notifier for event type " + event.type()));
        List<Notice> notices;
        try {
            notices = notifier.notices(event);
        } catch (PoisonEventException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("com.fasterxml.jackson") || e instanceof IllegalArgumentException
                    || e instanceof NullPointerException) {
                throw new PoisonEventException("unreadable " + event.type() + " payload: " + e.getMessage(), e);
            }
            throw e;
        }
        // One notice per recipient and event: a guardian who is also staff is told once.
        Map<UUID, Notice> byRecipient = new LinkedHashMap<>();
        for (Notice n : notices) {
            byRecipient.putIfAbsent(n.recipientId(), n);
        }
        List<Notice> now = new ArrayList<>();
        List<Notice> later = new ArrayList<>();
        for (Notice n : byRecipient.values()) {
            (n.held() ? later : now).add(n);
        }
        scheduled.hold(event.id(), notifier.notificationType(), later);
        publish(event.id(), notifier.notificationType(), now);
    }

    /** Writes the inbox rows and plans the e-mails of notices that are due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID eventId, NotificationType type, List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Map<UUID, Map<Channel, Mode>> modes = preferences.modes(type, notices.stream().map(Notice::recipientId).toList());
        List<Notice> inApp = new ArrayList<>();
        List<Planned> emails = new ArrayList<>();
        Instant at = clock.instant();
        Map<UUID, QuietHours.Schedule> schedules = new LinkedHashMap<>();
        for (Notice n : notices) {
            Map<Channel, Mode> m = modes.get(n.recipientId());
            if (m.get(Channel.IN_APP) != Mode.OFF) {
                inApp.add(n);
            }
            Mode email = m.get(Channel.EMAIL);
            if (email != Mode.OFF) {
                QuietHours.Schedule s = schedules.computeIfAbsent(n.schoolId(), quietHours::of);
                boolean digest = email == Mode.DIGEST;
                Instant due = digest ? s.nextDigest(at, config.email().digestAt()) : s.deferUntil(at);
                emails.add(new Planned(n, digest, due));
            }
        }
        // Deliveries first: the inbox insert takes the sequence lock, held until commit, so keep it last.
        int planned = deliveries.planEmails(eventId, type.key(), emails);
        int rows = inbox.write(eventId, type.key(), inApp);
        if (rows + planned > 0) {
            written.fire(new NotificationsWritten(rows, planned));
        }
    }
}
