package fr.ent.grades.settings;

import fr.ent.grades.average.Rounding;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A school's marking settings.
 *
 * @param markStep           marks are entered in steps of 0.25 or 0.5 point (or 0.01, 1)
 * @param roundingStep       averages are shown to 0.01, 0.1, 0.25, 0.5 or 1 point
 * @param roundingMode       NEAREST (halves up) or UP (to the step above)
 * @param pupilDelayDays     pupils see published marks from the start of the day this many days after publication
 * @param guardianDelayDays  guardians see them this many days after the pupils
 * @param showRank           a pupil's averages come with their rank in the class (off by default)
 */
public record SettingsView(UUID schoolId, BigDecimal markStep, BigDecimal roundingStep, Rounding.Mode roundingMode,
                           boolean unjustifiedAbsenceCountsAsZero, int pupilDelayDays, int guardianDelayDays,
                           boolean showRank) {
}
