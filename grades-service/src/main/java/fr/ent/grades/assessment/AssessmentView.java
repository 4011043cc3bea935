package fr.ent.grades.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An assessment. {@code pupilsOn}, {@code guardianDelayDays}: its own publication settings (null:
 * the school's); {@code publishedAt} null until published; then pupils see it from
 * {@code pupilsVisibleAt}, guardians from {@code guardiansVisibleAt}.
 */
public record AssessmentView(UUID id, UUID schoolId, UUID classGroupId, String subject, UUID teacherId, UUID periodId,
                             String title, LocalDate heldOn, BigDecimal coefficient, int scale, boolean optional,
                             List<String> skills, LocalDate pupilsOn, Integer guardianDelayDays, Instant publishedAt,
                             Instant pupilsVisibleAt, Instant guardiansVisibleAt) {
}
