package fr.ent.attendance.threshold;

import fr.ent.attendance.AttendanceConfig;
import fr.ent.attendance.absence.EntryRepository;
import fr.ent.attendance.events.AttendanceEvents;
import fr.ent.attendance.support.Jdbc;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The legal alert: a pupil with {@code attendance.threshold-half-days} (4) unjustified half-days in
 * a month. Raised once per pupil and month: the primary key of threshold_alert decides, even when
 * two transactions cross the line together.
 */
@ApplicationScoped
public class ThresholdService {

    public record Alert(UUID pupilId, UUID schoolId, YearMonth month, int halfDays, OffsetDateTime raisedAt) {
    }

    private final EntryRepository entries;
    private final Jdbc jdbc;
    private final AttendanceEvents events;
    private final SchoolClock clock;
    private final int threshold;

    public ThresholdService(EntryRepository entries, Jdbc jdbc, AttendanceEvents events, SchoolClock clock,
                            AttendanceConfig config) {
        this.entries = entries;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.threshold = config.thresholdHalfDays();
    }

    /** Counts the month for these pupils (one query) and raises the alerts now due. */
    public void check(Map<UUID, UUID> schoolOfPupil, YearMonth month) {
        if (schoolOfPupil.isEmpty()) {
            return;
        }
        Map<UUID, Integer> counts = entries.unjustifiedHalfDays(schoolOfPupil.keySet(), month.atDay(1), month.atEndOfMonth());
        counts.forEach((pupil, n) -> {
            if (n >= threshold) {
                UUID school = schoolOfPupil.get(pupil);
                int inserted = jdbc.update("""
                        insert into threshold_alert (pupil_id, month, school_id, half_days, raised_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""",
                        pupil, month.atDay(1), school, n, clock.now());
                if (inserted == 1) {
                    events.thresholdReached(pupil, school, month, n);
                }
            }
        });
    }

    public void check(Map<UUID, UUID> schoolOfPupil, Collection<YearMonth> months) {
        months.forEach(m -> check(schoolOfPupil, m));
    }

    public List<Alert> ofPupil(UUID pupilId) {
        return jdbc.query("select * from threshold_alert where pupil_id = ? order by month desc", ThresholdService::map, pupilId);
    }

    public List<Alert> ofSchool(UUID schoolId, YearMonth month) {
        return jdbc.query("select * from threshold_alert where school_id = ? and month = ? order by raised_at",
                ThresholdService::map, schoolId, month.atDay(1));
    }

    private static Alert map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Alert(Jdbc.uuid(rs, "pupil_id"), Jdbc.uuid(rs, "school_id"),
                YearMonth.from(rs.getObject("month", java.time.LocalDate.class)), rs.getInt("half_days"),
                rs.getObject("raised_at", OffsetDateTime.class));
    }
}
