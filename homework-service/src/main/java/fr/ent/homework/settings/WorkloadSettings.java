package fr.ent.homework.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalTime;
import java.util.UUID;

/**
 * A school's workload thresholds: above them, setting work due that day gives a warning; work set
 * outside the school day (or at the weekend) is flagged. A school without a row has the defaults.
 */
@Entity
@Table(name = "workload_settings")
public class WorkloadSettings {

    public static final int DEFAULT_MAX_WORKS = 3;
    public static final int DEFAULT_MAX_MINUTES = 60;
    public static final int DEFAULT_MAX_TESTS = 1;
    public static final LocalTime DEFAULT_DAY_STARTS = LocalTime.of(7, 30);
    public static final LocalTime DEFAULT_DAY_ENDS = LocalTime.of(18, 30);

    @Id
    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "max_works_per_day")
    public int maxWorksPerDay = DEFAULT_MAX_WORKS;

    @Column(name = "max_minutes_per_day")
    public int maxMinutesPerDay = DEFAULT_MAX_MINUTES;

    @Column(name = "max_tests_per_day")
    public int maxTestsPerDay = DEFAULT_MAX_TESTS;

    @Column(name = "school_day_starts_at")
    public LocalTime schoolDayStartsAt = DEFAULT_DAY_STARTS;

    @Column(name = "school_day_ends_at")
    public LocalTime schoolDayEndsAt = DEFAULT_DAY_ENDS;

    public static WorkloadSettings defaults(UUID schoolId) {
        WorkloadSettings s = new WorkloadSettings();
        s.schoolId = schoolId;
        return s;
    }

    public WorkloadSettingsView view() {
        return new WorkloadSettingsView(maxWorksPerDay, maxMinutesPerDay, maxTestsPerDay, schoolDayStartsAt, schoolDayEndsAt);
    }
}
