package fr.ent.notification.preference;

import fr.ent.notification.fanout.NotificationType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Each person's channel choices per notification type; what they never chose is the type's default. */
@ApplicationScoped
public class Preferences {

    private final AgroalDataSource dataSource;

    Preferences(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** For a fan-out: every recipient's modes for the type, in one query. */
    public Map<UUID, Map<Channel, Mode>> modes(NotificationType type, Collection<UUID> people) {
        Map<UUID, Map<Channel, Mode>> chosen = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select person_id, channel, mode from preference where type = ? and person_id = any(?)")) {
            q.setString(1, type.key());
            q.setArray(2, c.createArrayOf("uuid", people.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    chosen.computeIfAbsent(rs.getObject(1, UUID.class), p -> new EnumMap<>(Channel.class))
                            .put(Channel.valueOf(rs.getString(2)), Mode.valueOf(rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read preferences", e);
        }
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
        Map<String, Map<Channel, Mode>> chosen = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select type, channel, mode from preference where person_id = ?")) {
            q.setObject(1, person);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    chosen.computeIfAbsent(rs.getString(1), t -> new EnumMap<>(Channel.class))
                            .put(Channel.valueOf(rs.getString(2)), Mode.valueOf(rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read preferences of " + person, e);
        }
        return chosen;
    }

    public void choose(UUID person, String type, Channel channel, Mode mode) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into preference (person_id, type, channel, mode) values (?, ?, ?, ?)
                     on conflict (person_id, type, channel) do update set mode = excluded.mode""")) {
            upsert.setObject(1, person);
            upsert.setString(2, type);
            upsert.setString(3, channel.name());
            upsert.setString(4, mode.name());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a preference of " + person, e);
        }
    }
}
