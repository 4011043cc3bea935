package fr.ent.notification.push;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The push_subscription table: each person's devices. */
@ApplicationScoped
public class PushSubscriptionRepository {

    /** A device as its owner sees it (no keys). */
    public record Device(String endpoint, String label, Instant createdAt, Instant lastSuccessAt) {
    }

    /** Where and how to send to one device. */
    record Target(long id, String endpoint, String p256dh, String auth) {
    }

    private final Jdbc jdbc;

    PushSubscriptionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers or refreshes a device. An endpoint is one browser profile: registered again by
     * someone else (a shared tablet), it becomes theirs. Beyond {@code maxDevices} the person's
     * least recently registered devices are forgotten.
     */
    void register(UUID person, String endpoint, String p256dh, String auth, String label, Instant at, int maxDevices) {
        jdbc.update("""
                insert into push_subscription (person_id, endpoint, p256dh, auth, label, created_at) values (?, ?, ?, ?, ?, ?)
                on conflict (endpoint) do update set person_id = excluded.person_id, p256dh = excluded.p256dh,
                    auth = excluded.auth, label = excluded.label,
                    created_at = case when push_subscription.person_id = excluded.person_id
                                      then push_subscription.created_at else excluded.created_at end""",
                person, endpoint, p256dh, auth, label, at);
        jdbc.update("""
                delete from push_subscription where person_id = ? and id not in
                    (select id from push_subscription where person_id = ? order by id desc limit ?)""", person, person, maxDevices);
    }

    /** Forgets one of the person's own devices; false when it is not theirs (or unknown). */
    boolean forget(UUID person, String endpoint) {
        return jdbc.update("delete from push_subscription where person_id = ? and endpoint = ?", person, endpoint) > 0;
    }

    List<Device> devicesOf(UUID person) {
        return jdbc.query("select endpoint, label, created_at, last_success_at from push_subscription where person_id = ? order by id",
                rs -> new Device(rs.getString("endpoint"), rs.getString("label"), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "last_success_at")), person);
    }

    /** Those of these people who have at least one device, in one query. */
    public Set<UUID> withDevices(Collection<UUID> people) {
        if (people.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query("select distinct person_id from push_subscription where person_id = any(?)",
                rs -> Jdbc.uuid(rs, "person_id"), new Jdbc.UuidArray(people)));
    }

    List<Target> targetsOf(UUID person) {
        return jdbc.query("select id, endpoint, p256dh, auth from push_subscription where person_id = ? order by id",
                rs -> new Target(rs.getLong("id"), rs.getString("endpoint"), rs.getString("p256dh"), rs.getString("auth")), person);
    }

    /** The push service said this device is gone (404, 410). */
    void forget(long id) {
        jdbc.update("delete from push_subscription where id = ?", id);
    }

    void succeeded(long id, Instant at) {
        jdbc.update("update push_subscription set last_success_at = ? where id = ?", at, id);
    }
}
