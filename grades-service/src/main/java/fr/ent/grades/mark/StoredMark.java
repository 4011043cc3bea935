package fr.ent.grades.mark;

import fr.ent.grades.average.Marker;
import fr.ent.grades.average.SkillLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A pupil's result as stored. */
public record StoredMark(UUID assessmentId, UUID pupilId, BigDecimal value, Marker marker, Map<String, SkillLevel> skills,
                         Instant enteredAt, UUID enteredBy) {

    /** The same result (value compared as a number), whoever entered it when. */
    public boolean sameResult(StoredMark other) {
        return other != null && (value == null ? other.value == null : other.value != null && value.compareTo(other.value) == 0)
                && marker == other.marker && Objects.equals(skills, other.skills);
    }
}
