package fr.ent.notification.notice;

import java.util.EnumMap;
import java.util.Map;

/**
 * A kind of notification a person can tune (absences, alerts, marks...), with its defaults per
 * channel. Declared by the {@link Notifier} that produces it.
 *
 * @param key    stable identifier used in preferences and the API (e.g. {@code absence})
 * @param label  French label shown in the preference screen
 * @param inApp  default for the in-app inbox
 * @param email  default for e-mail
 * @param push   default for web push (reaches only the devices a person turned it on for)
 */
public record NotificationType(String key, String label, Mode inApp, Mode email, Mode push) {

    /** A type that is not urgent enough for a phone's lock screen: push OFF unless the person chooses it. */
    public NotificationType(String key, String label, Mode inApp, Mode email) {
        this(key, label, inApp, email, Mode.OFF);
    }

    public Mode defaultFor(Channel channel) {
        return switch (channel) {
            case IN_APP -> inApp;
            case EMAIL -> email;
            case PUSH -> push;
        };
    }

    public Map<Channel, Mode> defaults() {
        Map<Channel, Mode> modes = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            modes.put(c, defaultFor(c));
        }
        return modes;
    }
}
