package fr.ent.notification.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Every {@link Notifier} bean, by the event type it handles, and the notification types they declare. */
@ApplicationScoped
public class Notifiers {

    private final Map<String, Notifier> byEventType = new HashMap<>();
    private final Map<String, NotificationType> types = new LinkedHashMap<>();

    Notifiers(Instance<Notifier> notifiers) {
        for (Notifier n : notifiers) {
            Notifier previous = byEventType.put(n.eventType(), n);
            if (previous != null) {
                throw new IllegalStateException("two notifiers for " + n.eventType() + ": "
                        + previous.getClass().getSimpleName() + ", " + n.getClass().getSimpleName());
            }
            types.putIfAbsent(n.notificationType().key(), n.notificationType());
        }
    }

    public Optional<Notifier> forEventType(String eventType) {
        return Optional.ofNullable(byEventType.get(eventType));
    }

    public Optional<NotificationType> type(String key) {
        return Optional.ofNullable(types.get(key));
    }

    public Collection<NotificationType> types() {
        return types.values();
    }
}
