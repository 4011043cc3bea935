package fr.ent.grades.period;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A new period. {@code classGroupId}: the class or group it is for (absent: the whole school);
 * {@code locksOn}: the last day marks may change (absent: its last day).
 */
public record PeriodInput(@NotNull @Pattern(regexp = "\\d{4}-\\d{4}") String schoolYear, UUID classGroupId,
                          @NotBlank @Size(max = 60) String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                          LocalDate locksOn) {
}
