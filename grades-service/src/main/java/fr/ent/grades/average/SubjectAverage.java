package fr.ent.grades.average;

import java.math.BigDecimal;
import java.util.List;

/**
 * A subject's average over a period and how it was made.
 *
 * @param exact         Σ(coefficient × mark/20) ÷ Σ(coefficient) over what counted, unrounded (null: nothing counted)
 * @param average       {@code exact} rounded by the school's setting: what is shown
 * @param coefficients  Σ(coefficient) of what counted
 * @param contributions every entry of the subject in date order, counted or not, with the rule
 */
public record SubjectAverage(String subject, BigDecimal exact, BigDecimal average, BigDecimal coefficients,
                             List<Contribution> contributions) {
}
