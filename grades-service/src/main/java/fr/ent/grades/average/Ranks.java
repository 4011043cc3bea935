package fr.ent.grades.average;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/**
 * A pupil's rank among the class's averages (only when the school turns ranks on): one more than
 * the number of strictly higher averages, so equal averages share a rank and the next one skips
 * ("1, 2, 2, 4"). Averages are compared as shown (rounded), so that a family sees why two pupils
 * share a rank.
 */
public final class Ranks {

    private Ranks() {
    }

    /** The rank of {@code value} among {@code all} (which holds it); null when there is no value. */
    public static Integer of(BigDecimal value, Collection<BigDecimal> all) {
        if (value == null) {
            return null;
        }
        long above = all.stream().filter(Objects::nonNull).filter(v -> v.compareTo(value) > 0).count();
        return Math.toIntExact(above + 1);
    }
}
