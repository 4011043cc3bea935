package fr.ent.notification.fanout;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.notification.NotificationConfig;
import fr.ent.notification.email.DeliveryRepository;
import fr.ent.notification.email.DeliveryRepository.Planned;
import fr.ent.notification.inbox.InboxWriter;
import fr.ent.notification.notice.Channel;
import fr.ent.notification.notice.Mode;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.NotificationsWritten;
import fr.ent.notification.notice.Notifier;
import fr.ent.notification.notice.Notifiers;
import fr.ent.notification.preference.Preferences;
import fr.ent.notification.push.PushSubscriptionRepository;
import fr.ent.notification.push.VapidIdentity;
import fr.ent.notification.quiethours.PersonQuietSlots;
import fr.ent.notification.quiethours.QuietHours;
import fr.ent.notification.recipients.Pupils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
    private final DeliveryRepository deliveries;
    private final QuietHours quietHours;
    private final ScheduledNotices scheduled;
    private final NotificationConfig config;
    private final Clock clock;
    private final Event<NotificationsWritten> written;
    private final Pupils pupils;
    private final VapidIdentity vapid;
    private final PushSubscriptionRepository pushSubscriptions;

    FanOut(Notifiers notifiers, Preferences preferences, InboxWriter inbox, DeliveryRepository deliveries,
           QuietHours quietHours, ScheduledNotices scheduled, NotificationConfig config, Clock clock,
           Event<NotificationsWritten> written, Pupils pupils, VapidIdentity vapid, PushSubscriptionRepository pushSubscriptions) {
        this.vapid = vapid;
        this.pushSubscriptions = pushSubscriptions;
        this.notifiers = notifiers;
        this.preferences = preferences;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.quietHours = quietHours;
        this.scheduled = scheduled;
        this.config = config;
        this.clock = clock;
        this.written = written;
        this.pupils = pupils;
    }

    /** Handles one event; an event type nobody handles is refused (dead-letter topic), never dropped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /**
     * Handles a batch of events, in order, with a few statements for the whole batch: the
     * directory read ahead, then one preference query per notification type, one of who has a push
     * device, one insert of the e-mail and push deliveries and one of the inbox rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void handleAll(List<IncomingEvent> events) {
        // Events are keyed by the pupil they concern (the order that matters): read every pupil of
        // the batch at once. A key that is not a pupil only costs a miss.
        pupils.readAhead(events.stream().map(e -> uuidOrNull(e.key())).filter(Objects::nonNull).toList());
        List<EventNotices> due = new ArrayList<>();
        for (IncomingEvent event : events) {
            Notifier notifier = notifiers.forEventType(event.type())
                    .orElseThrow(() -> new PoisonEventException("no notifier for event type " + event.type()));
            // One notice per recipient and event (or part of it, see Notifier#partOf): a guardian who
            // is also staff is told once.
            Map<UUID, Map<UUID, Notice>> byPart = new LinkedHashMap<>();
            byPart.put(event.id(), new LinkedHashMap<>());
            for (Notice n : noticesOf(notifier, event)) {
                byPart.computeIfAbsent(partId(event.id(), notifier.partOf(n)), k -> new LinkedHashMap<>())
                        .putIfAbsent(n.recipientId(), n);
            }
            byPart.forEach((id, byRecipient) -> {
                List<Notice> now = new ArrayList<>();
                List<Notice> later = new ArrayList<>();
                for (Notice n : byRecipient.values()) {
                    (n.held() ? later : now).add(n);
                }
                scheduled.hold(id, notifier.notificationType(), later);
                due.add(new EventNotices(id, notifier.notificationType(), now));
            });
        }
        publish(due);
    }

    /** The id a part of an event is stored under: the event's own id when it has no parts; stable across redeliveries. */
    static UUID partId(UUID eventId, String part) {
        return part == null ? eventId : UUID.nameUUIDFromBytes((eventId + "/" + part).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuidOrNull(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<Notice> noticesOf(Notifier notifier, IncomingEvent event) {
        try {
            return notifier.notices(event);
        } catch (PoisonEventException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("com.fasterxml.jackson") || e instanceof IllegalArgumentException
                    || e instanceof NullPointerException) {
                throw new PoisonEventException("unreadable " + event.type() + " payload: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The notices of one event that are due now. */
    public record EventNotices(UUID eventId, NotificationType type, List<Notice> notices) {
    }

    /** Writes the inbox rows and plans the e-mails and pushes of notices that are due now, for many events at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(List<EventNotices> due) {
        // Each recipient's modes: one query per notification type.
        Map<NotificationType, Set<UUID>> recipients = new HashMap<>();
        for (EventNotices d : due) {
            d.notices().forEach(n -> recipients.computeIfAbsent(d.type(), t -> new HashSet<>()).add(n.recipientId()));
        }
        Map<NotificationType, Map<UUID, Map<Channel, Mode>>> modes = new HashMap<>();
        recipients.forEach((type, people) -> modes.put(type, preferences.modes(type, people)));
        List<InboxWriter.Row> inApp = new ArrayList<>();
        List<Planned> emails = new ArrayList<>(); // and pushes
        Instant at = clock.instant();
        Map<UUID, QuietHours.Schedule> schedules = new HashMap<>();
        Set<UUID> emailed = new HashSet<>();
        Set<UUID> pushable = new HashSet<>();
        for (EventNotices d : due) {
            d.notices().forEach(n -> {
                Map<Channel, Mode> m = modes.get(d.type()).get(n.recipientId());
                if (m.get(Channel.EMAIL) != Mode.OFF) emailed.add(n.recipientId());
                if (m.get(Channel.PUSH) != Mode.OFF) pushable.add(n.recipientId());
            });
        }
        Set<UUID> pushed = vapid.enabled() ? pushSubscriptions.withDevices(pushable) : Set.of();
        Set<UUID> deferred = new HashSet<>(emailed);
        deferred.addAll(pushed);
        Map<UUID, PersonQuietSlots> ownSlots = quietHours.slotsOf(deferred);
        for (EventNotices d : due) {
            for (Notice n : d.notices()) {
                Map<Channel, Mode> m = modes.get(d.type()).get(n.recipientId());
                if (m.get(Channel.IN_APP) != Mode.OFF) {
                    inApp.add(new InboxWriter.Row(d.eventId(), d.type().key(), n));
                }
                Mode email = m.get(Channel.EMAIL);
                if (email != Mode.OFF) {
                    QuietHours.Schedule s = schedules.computeIfAbsent(n.schoolId(), quietHours::of);
                    boolean digest = email == Mode.DIGEST;
                    Instant dueAt = digest ? s.nextDigest(at, config.email().digestAt()) : s.deferUntil(at);
                    dueAt = ownSlots.getOrDefault(n.recipientId(), PersonQuietSlots.NONE).deferUntil(dueAt, s);
                    emails.add(new Planned(d.eventId(), d.type().key(), n, Channel.EMAIL, digest, dueAt));
                }
                // Push only to people with a device turned on; the same quiet hours as e-mail.
                if (m.get(Channel.PUSH) == Mode.IMMEDIATE && pushed.contains(n.recipientId())) {
                    QuietHours.Schedule s = schedules.computeIfAbsent(n.schoolId(), quietHours::of);
                    Instant dueAt = ownSlots.getOrDefault(n.recipientId(), PersonQuietSlots.NONE).deferUntil(s.deferUntil(at), s);
                    emails.add(new Planned(d.eventId(), d.type().key(), n, Channel.PUSH, false, dueAt));
                }
            }
        }
        // Deliveries first: the inbox insert takes the sequence lock, held until commit, so keep it last.
        int planned = deliveries.plan(emails);
        int rows = inbox.write(inApp);
        if (rows + planned > 0) {
            written.fire(new NotificationsWritten(rows, planned));
        }
    }
}
