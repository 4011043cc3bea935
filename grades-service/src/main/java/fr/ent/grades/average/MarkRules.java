package fr.ent.grades.average;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * What a mark may be: between 0 and the assessment's scale, in steps of the school's setting (0.25
 * or 0.5 point, or 0.01 or 1); a scale between 1 and 100 points (out of 20, 10, 5, 100...); a
 * coefficient between 0 (shown, never counted) and 100.
 */
public final class MarkRules {

    public static final Set<BigDecimal> STEPS = Set.of(new BigDecimal("0.01"), new BigDecimal("0.25"),
            new BigDecimal("0.5"), BigDecimal.ONE);
    public static final int MAX_SCALE = 100;
    public static final BigDecimal MAX_COEFFICIENT = new BigDecimal("100");

    private MarkRules() {
    }

    public static boolean isStep(BigDecimal step) {
        return step != null && STEPS.stream().anyMatch(s -> s.compareTo(step) == 0);
    }

    /** Why the value is not a mark on that scale with that step (French, shown to the teacher), or empty. */
    public static Optional<String> problemWith(BigDecimal value, int scale, BigDecimal step) {
        if (value.signum() < 0) {
            return Optional.of("une note ne peut pas être négative");
        }
        if (value.compareTo(BigDecimal.valueOf(scale)) > 0) {
            return Optional.of("la note dépasse le barème (sur " + scale + ")");
        }
        if (value.remainder(step).signum() != 0) {
            return Optional.of("la note doit être un multiple de " + step.stripTrailingZeros().toPlainString().replace('.', ','));
        }
        return Optional.empty();
    }

    public static Optional<String> problemWithScale(int scale) {
        return scale < 1 || scale > MAX_SCALE ? Optional.of("le barème doit être compris entre 1 et " + MAX_SCALE)
                : Optional.empty();
    }

    public static Optional<String> problemWithCoefficient(BigDecimal coefficient) {
        if (coefficient.signum() < 0) {
            return Optional.of("le coefficient ne peut pas être négatif");
        }
        if (coefficient.compareTo(MAX_COEFFICIENT) > 0) {
            return Optional.of("le coefficient ne peut pas dépasser 100");
        }
        if (coefficient.scale() > 2 && coefficient.stripTrailingZeros().scale() > 2) {
            return Optional.of("le coefficient a au plus deux décimales");
        }
        return Optional.empty();
    }
}
