package fr.ent.homework.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalTime;

/** A school's workload thresholds per class and day, and its school day (work set outside it is flagged). */
public record WorkloadSettingsView(@NotNull @Min(1) @Max(20) Integer maxWorksPerDay,
                                   @NotNull @Min(10) @Max(600) Integer maxMinutesPerDay,
                                   @NotNull @Min(0) @Max(10) Integer maxTestsPerDay,
                                   @NotNull LocalTime schoolDayStartsAt,
                                   @NotNull LocalTime schoolDayEndsAt) {
}
