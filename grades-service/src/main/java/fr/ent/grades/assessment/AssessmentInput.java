package fr.ent.grades.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A new assessment. {@code teacherId}: who sets it (a teacher: themselves, may be omitted; staff:
 * required). {@code coefficient} ≥ 0 (0: shown, not counted), {@code scale} 1..100 (default 20),
 * {@code skills}: socle commun items rated (D1.1 ... D5), {@code pupilsOn}: the day pupils see the
 * marks (default: the school's delay after publication), {@code guardianDelayDays}: days after the
 * pupils that guardians see them (default: the school's).
 */
public record AssessmentInput(@NotNull UUID classGroupId, @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9_-]+") String subject,
                              UUID teacherId, @NotBlank @Size(max = 120) String title, @NotNull LocalDate heldOn,
                              @NotNull BigDecimal coefficient, @Min(1) @Max(100) Integer scale, Boolean optional,
                              @Size(max = 8) List<@NotNull String> skills, LocalDate pupilsOn,
                              @Min(0) @Max(30) Integer guardianDelayDays) {
}
