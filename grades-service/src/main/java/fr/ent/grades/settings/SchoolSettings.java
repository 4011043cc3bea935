package fr.ent.grades.settings;

import fr.ent.grades.average.AverageRules;
import fr.ent.grades.average.Rounding;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** How a school enters and shows marks; a school without a row has the defaults. */
@Entity
@Table(name = "school_settings")
public class SchoolSettings {

    @Id
    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "mark_step")
    public BigDecimal markStep = new BigDecimal("0.25");

    @Column(name = "rounding_step")
    public BigDecimal roundingStep = new BigDecimal("0.01");

    @Enumerated(EnumType.STRING)
    @Column(name = "rounding_mode")
    public Rounding.Mode roundingMode = Rounding.Mode.NEAREST;

    @Column(name = "unjustified_absence_counts_as_zero")
    public boolean unjustifiedAbsenceCountsAsZero;

    @Column(name = "pupil_delay_days")
    public int pupilDelayDays = 1;

    @Column(name = "guardian_delay_days")
    public int guardianDelayDays = 1;

    /** Ranks shown beside a pupil's averages (off unless the school turns it on). */
    @Column(name = "show_rank")
    public boolean showRank;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    public static SchoolSettings defaults(UUID schoolId) {
        SchoolSettings s = new SchoolSettings();
        s.schoolId = schoolId;
        return s;
    }

    public AverageRules rules() {
        return new AverageRules(new Rounding(roundingStep, roundingMode), unjustifiedAbsenceCountsAsZero);
    }

    public SettingsView view() {
        return new SettingsView(schoolId, markStep, roundingStep, roundingMode, unjustifiedAbsenceCountsAsZero,
                pupilDelayDays, guardianDelayDays, showRank);
    }
}
