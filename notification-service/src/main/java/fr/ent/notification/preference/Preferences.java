package fr.ent.notification.preference;

import fr.ent.notification.notice.Channel;
import fr.ent.notification.notice.Mode;
import fr.ent.notification.notice.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Each person's channel choices per notification type; what they never chose is the type's default. */
@ApplicationScoped
public class Preferences {

    private final PreferenceRepository repository;

    Preferences(PreferenceRepository repository) {
        this.repository = repository;
    }

    /** For a fan-out: every recipient's modes for the type, in one query. */
    public Map<UUID, Map<Channel, Mode>> modes(NotificationType type, Collection<UUID> people) {
        Map<UUID, Map<Channel, Mode>> chosen = repository.chosenFor(type.key(), people);
        Map<UUID, Map<Channel, Mode>> modes = new HashMap<>();
        for (UUID person : people) {
            Map<Channel, Mode> m = type.defaults();
            m.putAll(chosen.getOrDefault(person, Map.of()));
            modes.put(person, m);
        }
        return modes;
    }

    /** One person's choices (type key → channel → mode), only what they chose. */
    public Map<String, Map<Channel, Mode>> chosenBy(UUID person) {
        return repository.chosenBy(person);
    }

    public void choose(UUID person, String type, Channel channel, Mode mode) {
        repository.choose(person, type, channel, mode);
    }
}
