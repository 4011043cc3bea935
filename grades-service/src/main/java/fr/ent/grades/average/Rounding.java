package fr.ent.grades.average;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * How a school shows averages: to a step (0.01, 0.1, 0.25, 0.5 or 1 point) either to the nearest
 * ({@link Mode#NEAREST}, halves up) or always up to the next step ({@link Mode#UP}, in the pupil's
 * favour). Only what is shown is rounded: the general average is computed from the subject
 * averages as shown, so that a family can check it by hand.
 */
public record Rounding(BigDecimal step, Mode mode) {

    public enum Mode { NEAREST, UP }

    public static final Set<BigDecimal> STEPS = Set.of(new BigDecimal("0.01"), new BigDecimal("0.1"),
            new BigDecimal("0.25"), new BigDecimal("0.5"), BigDecimal.ONE);

    public static final Rounding DEFAULT = new Rounding(new BigDecimal("0.01"), Mode.NEAREST);

    public Rounding {
        if (step == null || STEPS.stream().noneMatch(s -> s.compareTo(step) == 0)) {
            throw new IllegalArgumentException("rounding step must be one of 0.01, 0.1, 0.25, 0.5, 1: " + step);
        }
        if (mode == null) {
            throw new IllegalArgumentException("rounding mode is required");
        }
    }

    public BigDecimal round(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal steps = value.divide(step, 10, RoundingMode.HALF_UP)
                .setScale(0, mode == Mode.UP ? RoundingMode.CEILING : RoundingMode.HALF_UP);
        // results keep two decimals (12.5 → 12.50) so that they read the same everywhere
        return steps.multiply(step).setScale(2, RoundingMode.UNNECESSARY);
    }
}
