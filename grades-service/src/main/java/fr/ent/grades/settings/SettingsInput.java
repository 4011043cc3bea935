package fr.ent.grades.settings;

import fr.ent.grades.average.Rounding;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

public record SettingsInput(@NotNull BigDecimal markStep, @NotNull BigDecimal roundingStep, @NotNull Rounding.Mode roundingMode,
                            @NotNull Boolean unjustifiedAbsenceCountsAsZero,
                            @NotNull @Min(0) @Max(30) Integer pupilDelayDays,
                            @NotNull @Min(0) @Max(30) Integer guardianDelayDays,
                            Boolean showRank) {
}
