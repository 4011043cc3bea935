package fr.ent.grades.results;

import fr.ent.grades.assessment.AssessmentView;
import fr.ent.grades.average.Marker;
import fr.ent.grades.average.SkillLevel;

import java.math.BigDecimal;
import java.util.Map;

/** A pupil's result with its assessment; {@code outOf20}: the value brought back to /20 (null for a marker). */
public record PupilMark(AssessmentView assessment, BigDecimal value, Marker marker, String display,
                        Map<String, SkillLevel> skills, BigDecimal outOf20) {
}
