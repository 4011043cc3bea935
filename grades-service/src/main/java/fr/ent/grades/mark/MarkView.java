package fr.ent.grades.mark;

import fr.ent.grades.average.Marker;
import fr.ent.grades.average.SkillLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A pupil's result in an assessment, with the pupil's name, as the school sees it. */
public record MarkView(UUID pupilId, String firstName, String lastName, BigDecimal value, Marker marker, String display,
                       Map<String, SkillLevel> skills, Instant enteredAt) {
}
