package fr.ent.grades.results;

import fr.ent.grades.average.GeneralAverage;
import fr.ent.grades.average.Rounding;
import fr.ent.grades.average.SubjectAverage;

import java.util.List;
import java.util.UUID;

/**
 * A pupil's averages over a period, each with its explanation (the marks and weights that made it),
 * as the caller may see them (families: only marks already shown to them). A "what if" answers the
 * same shape with {@code hypothetical = true}.
 */
public record PeriodAverages(UUID pupilId, UUID periodId, boolean hypothetical, Rounding rounding,
                             List<SubjectAverage> subjects, GeneralAverage general) {
}
