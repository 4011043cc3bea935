package fr.ent.notification.preference;

import fr.ent.notification.notice.Channel;
import fr.ent.notification.notice.Mode;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The preference table: only what people chose (the defaults are the notification types'). */
@ApplicationScoped
public class PreferenceRepository {

    private final Jdbc jdbc;

    PreferenceRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** What these people chose for one type: person → channel → mode, in one query. */
    Map<UUID, Map<Channel, Mode>> chosenFor(String type, Collection<UUID> people) {
        Map<UUID, Map<Channel, Mode>> chosen = new HashMap<>();
        jdbc.query("select person_id, channel, mode from preference where type = ? and person_id = any(?)",
                rs -> chosen.computeIfAbsent(Jdbc.uuid(rs, "person_id"), p -> new EnumMap<>(Channel.class))
                        .put(Channel.valueOf(rs.getString("channel")), Mode.valueOf(rs.getString("mode"))),
                type, new Jdbc.UuidArray(people));
        return chosen;
    }

    /** What one person chose: type key → channel → mode. */
    Map<String, Map<Channel, Mode>> chosenBy(UUID person) {
        Map<String, Map<Channel, Mode>> chosen = new HashMap<>();
        jdbc.query("select type, channel, mode from preference where person_id = ?",
                rs -> chosen.computeIfAbsent(rs.getString("type"), t -> new EnumMap<>(Channel.class))
                        .put(Channel.valueOf(rs.getString("channel")), Mode.valueOf(rs.getString("mode"))),
                person);
        return chosen;
    }

    void choose(UUID person, String type, Channel channel, Mode mode) {
        jdbc.update("""
                insert into preference (person_id, type, channel, mode) values (?, ?, ?, ?)
                on conflict (person_id, type, channel) do update set mode = excluded.mode""", person, type, channel, mode);
    }
}
