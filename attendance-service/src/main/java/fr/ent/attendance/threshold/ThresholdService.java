package fr.ent.attendance.threshold;

import fr.ent.attendance.AttendanceConfig;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The legal alert: a pupil with {@code attendance.threshold-half-days} (4) unjustified half-days in
 * a month. Raised once per pupil and month: the primary key of threshold_alert decides, even when
 * two transactions cross the line together. It is given the counts (the entries' writer,
 * {@code entry.Entries}, counts and publishes), so it depends on no other feature.
 */
@ApplicationScoped
public class ThresholdService {

    public record Alert(UUID pupilId, UUID schoolId, YearMonth month, int halfDays, OffsetDateTime raisedAt) {
    }

    private final Jdbc jdbc;
    private final SchoolClock clock;
    private final int threshold;

    public ThresholdService(Jdbc jdbc, SchoolClock clock, AttendanceConfig config) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.threshold = config.thresholdHalfDays();
    }

    /** Whether that many unjustified half-days in a month reach the alert. */
    public boolean reached(int unjustifiedHalfDays) {
        return unjustifiedHalfDays >= threshold;
    }

    /**
     * Records the alerts due for the month's counts (pupil → unjustified half-days; schoolOfPupil
     * says where each pupil is counted) and returns those this transaction raised: a pupil already
     * alerted that month is not raised again.
     */
    public List<Alert> raise(YearMonth month, Map<UUID, Integer> unjustifiedHalfDays, Map<UUID, UUID> schoolOfPupil) {
        List<Alert> raised = new ArrayList<>();
        unjustifiedHalfDays.forEach((pupil, n) -> {
            if (reached(n)) {
                UUID school = schoolOfPupil.get(pupil);
                OffsetDateTime now = clock.now();
                int inserted = jdbc.update("""
                        insert into threshold_alert (pupil_id, month, school_id, half_days, raised_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""",
                        pupil, month.atDay(1), school, n, now);
                if (inserted == 1) {
                    raised.add(new Alert(pupil, school, month, n, now));
                }
            }
        });
        return raised;
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
