package fr.ent.grades.average;

import java.math.BigDecimal;
import java.util.List;

/**
 * The general average of a period: the subjects' averages as shown, weighted by the subjects'
 * coefficients (1 unless the class says otherwise); subjects without an average or with
 * coefficient 0 do not count.
 */
public record GeneralAverage(BigDecimal exact, BigDecimal average, BigDecimal coefficients, List<Part> parts) {

    public record Part(String subject, BigDecimal average, BigDecimal coefficient, boolean counted) {
    }
}
