package fr.ent.notification.quiethours;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

/** The school_quiet_hours table: the schools that chose their own quiet hours. */
@ApplicationScoped
public class QuietHoursRepository {

    private final Jdbc jdbc;

    QuietHoursRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Optional<QuietHoursRule> chosenBy(UUID schoolId) {
        return jdbc.one("select evening_start, morning_end, weekend from school_quiet_hours where school_id = ?",
                rs -> new QuietHoursRule(rs.getObject("evening_start", LocalTime.class), rs.getObject("morning_end", LocalTime.class),
                        rs.getBoolean("weekend")), schoolId);
    }

    void choose(UUID schoolId, QuietHoursRule rule) {
        jdbc.update("""
                insert into school_quiet_hours (school_id, evening_start, morning_end, weekend) values (?, ?, ?, ?)
                on conflict (school_id) do update
                set evening_start = excluded.evening_start, morning_end = excluded.morning_end, weekend = excluded.weekend""",
                schoolId, rule.eveningStart(), rule.morningEnd(), rule.weekend());
    }
}
