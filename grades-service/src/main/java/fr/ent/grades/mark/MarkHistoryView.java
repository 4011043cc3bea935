package fr.ent.grades.mark;

import fr.ent.grades.average.Marker;
import fr.ent.grades.average.SkillLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A pupil's result in an assessment now ({@code current}, null if removed) and what it was before each change. */
public record MarkHistoryView(UUID assessmentId, UUID pupilId, MarkView current, List<Version> previous) {

    public record Version(BigDecimal value, Marker marker, Map<String, SkillLevel> skills, Instant enteredAt, UUID enteredBy,
                          Instant replacedAt, UUID replacedBy) {
    }
}
