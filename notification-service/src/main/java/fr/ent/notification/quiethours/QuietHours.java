package fr.ent.notification.quiethours;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectorySchool;
import fr.ent.notification.NotificationConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** The quiet hours of a school: its own choice, else the configured national guidance, in its time zone. */
@ApplicationScoped
public class QuietHours {

    private final AgroalDataSource dataSource;
    private final Directory directory;
    private final NotificationConfig config;

    QuietHours(AgroalDataSource dataSource, Directory directory, NotificationConfig config) {
        this.dataSource = dataSource;
        this.directory = directory;
        this.config = config;
    }

    /** A school's rule and zone, ready to defer many deliveries. */
    public record Schedule(QuietHoursRule rule, ZoneId zone) {
        public Instant deferUntil(Instant at) {
            return rule.deferUntil(at, zone);
        }

        /** The next daily digest time after {@code at}, itself moved out of quiet hours. */
        public Instant nextDigest(Instant at, LocalTime digestAt) {
            var local = at.atZone(zone);
            var candidate = local.toLocalDate().atTime(digestAt).atZone(zone);
            if (!candidate.toInstant().isAfter(at)) {
                candidate = local.toLocalDate().plusDays(1).atTime(digestAt).atZone(zone);
            }
            return deferUntil(candidate.toInstant());
        }
    }

    /** Per school, for a short while: read on every event, changed a few times a year. */
    private record Cached(Schedule schedule, long until) {
    }

    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private final java.util.Map<UUID, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The school's quiet hours and zone; another instance's change is seen within 30 s. */
    public Schedule of(UUID schoolId) {
        if (schoolId == null) {
            return load(null);
        }
        long now = System.nanoTime();
        Cached c = cache.get(schoolId);
        if (c == null || now - c.until() > 0) {
            c = new Cached(load(schoolId), now + CACHE_NANOS);
            cache.put(schoolId, c);
        }
        return c.schedule();
    }

    private Schedule load(UUID schoolId) {
        ZoneId zone = Optional.ofNullable(schoolId).flatMap(directory::school).map(DirectorySchool::zoneId)
                .orElse(ZoneId.of(config.quietHours().defaultTimeZone()));
        return new Schedule(ruleOf(schoolId), zone);
    }

    public QuietHoursRule ruleOf(UUID schoolId) {
        if (schoolId != null) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement q = c.prepareStatement(
                         "select evening_start, morning_end, weekend from school_quiet_hours where school_id = ?")) {
                q.setObject(1, schoolId);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return new QuietHoursRule(rs.getObject(1, LocalTime.class), rs.getObject(2, LocalTime.class),
                                rs.getBoolean(3));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read quiet hours of school " + schoolId, e);
            }
        }
        var q = config.quietHours();
        return new QuietHoursRule(q.eveningStart(), q.morningEnd(), q.weekend());
    }

    public void choose(UUID schoolId, QuietHoursRule rule) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into school_quiet_hours (school_id, evening_start, morning_end, weekend) values (?, ?, ?, ?)
                     on conflict (school_id) do update
                     set evening_start = excluded.evening_start, morning_end = excluded.morning_end, weekend = excluded.weekend""")) {
            upsert.setObject(1, schoolId);
            upsert.setObject(2, rule.eveningStart());
            upsert.setObject(3, rule.morningEnd());
            upsert.setBoolean(4, rule.weekend());
            upsert.executeUpdate();
            cache.remove(schoolId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store quiet hours of school " + schoolId, e);
        }
    }
}
