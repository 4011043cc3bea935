package fr.ent.grades.mark;

import fr.ent.grades.average.Marker;
import fr.ent.grades.average.SkillLevel;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** One pupil's result: a value on the assessment's scale, or a marker, and/or skills rated (item → level). */
public record MarkInput(@NotNull UUID pupilId, BigDecimal value, Marker marker, Map<String, SkillLevel> skills) {
}
