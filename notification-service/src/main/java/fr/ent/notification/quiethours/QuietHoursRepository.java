package fr.ent.notification.quiethours;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The school_quiet_hours table (the schools that chose their own quiet hours) and person_quiet_slot (people's own slots). */
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

    /** The slots of each of these people who chose some (one query for a whole batch). */
    Map<UUID, List<QuietSlot>> slotsOf(Collection<UUID> people) {
        Map<UUID, List<QuietSlot>> slots = new HashMap<>();
        if (people.isEmpty()) {
            return slots;
        }
        jdbc.query("""
                select person_id, day_of_week, starts_at, ends_at from person_quiet_slot
                where person_id = any(?) order by day_of_week, starts_at""", rs -> {
            slots.computeIfAbsent(Jdbc.uuid(rs, "person_id"), k -> new ArrayList<>()).add(new QuietSlot(
                    DayOfWeek.of(rs.getInt("day_of_week")), rs.getObject("starts_at", LocalTime.class),
                    rs.getObject("ends_at", LocalTime.class)));
            return null;
        }, new Jdbc.UuidArray(people));
        return slots;
    }

    /** Replaces the person's slots (in the caller's transaction). */
    void chooseSlots(UUID person, List<QuietSlot> slots) {
        jdbc.update("delete from person_quiet_slot where person_id = ?", person);
        jdbc.batch("insert into person_quiet_slot (person_id, day_of_week, starts_at, ends_at) values (?, ?, ?, ?)",
                slots.stream().map(s -> new Object[]{person, s.day().getValue(), s.from(), s.until()}).toList());
    }
}
