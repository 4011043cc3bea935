package fr.ent.grades.results;

import fr.ent.grades.average.GeneralAverage;
import fr.ent.grades.average.Rounding;
import fr.ent.grades.average.SubjectAverage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A pupil's averages over a period, each with its explanation (the marks and weights that made it),
 * as the caller may see them (families: only marks already shown to them). A "what if" answers the
 * same shape with {@code hypothetical = true}.
 */
public record PeriodAverages(UUID pupilId, UUID periodId, boolean hypothetical, Rounding rounding,
                             List<SubjectAverage> subjects, GeneralAverage general, Rank rank) {

    /**
     * The pupil's rank in the class, where the school turns ranks on (else null): per subject code
     * and for the general average, among the classmates' averages computed from the same marks the
     * caller sees. Equal averages share a rank.
     */
    public record Rank(UUID classGroupId, Map<String, Place> subjects, Place general) {
    }

    /** A rank among {@code outOf} pupils with an average. */
    public record Place(int rank, int outOf) {
    }

    PeriodAverages ranked(Rank r) {
        return new PeriodAverages(pupilId, periodId, hypothetical, rounding, subjects, general, r);
    }
}
