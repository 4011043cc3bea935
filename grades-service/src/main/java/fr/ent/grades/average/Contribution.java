package fr.ent.grades.average;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of an average's explanation: the mark (or marker) as entered, brought back to /20, its
 * weight, and whether and why it counted.
 *
 * @param outOf20 the value brought back to /20 (a marker that counts as zero: 0; not counted: null)
 * @param rule    why it counted or not
 */
public record Contribution(UUID assessmentId, String title, LocalDate date, BigDecimal value, Marker marker, int scale,
                           BigDecimal outOf20, BigDecimal coefficient, boolean optional, boolean hypothetical,
                           boolean counted, Rule rule) {

    /** Why an entry counted or not. */
    public enum Rule {
        /** A mark with a positive coefficient. */
        COUNTED,
        /** A marker that counts as 0 (not handed in; unjustified absence where the school says so). */
        MARKER_COUNTS_AS_ZERO,
        /** An optional assessment that raised the average, so it counts. */
        OPTIONAL_RAISES_AVERAGE,
        /** An optional assessment that would not raise the average, so it does not count. */
        OPTIONAL_WOULD_NOT_RAISE,
        /** A marker that is never counted (absent justified, exempt, not graded; absent by default). */
        MARKER_NOT_COUNTED,
        /** Coefficient 0: shown, never counted. */
        ZERO_COEFFICIENT,
        /** Neither a mark nor a marker (skills only, or not entered yet). */
        NO_MARK
    }
}
