package fr.ent.grades.average;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The averages, computed one way for everything (the real ones, the class's, the "what if"): plain
 * code, no database, checked against hand-computed cases in {@code AverageRulesTest}.
 * <ol>
 *   <li>Each entry is brought back to /20: value × 20 ÷ scale.</li>
 *   <li>What counts: marks with a coefficient above 0, and markers that count as 0
 *       ({@link Marker#countsAsZero}); everything else is shown, not counted.</li>
 *   <li>Optional assessments count only if they raise the average: taken best first, each counts
 *       while it is above the average of what counts so far (this gives the highest average any
 *       choice of optional assessments could give). With nothing else counted, the best one counts.</li>
 *   <li>Subject average = Σ(coefficient × mark/20) ÷ Σ(coefficient), then rounded (see {@link Rounding}).</li>
 *   <li>General average = Σ(subject coefficient × subject average as shown) ÷ Σ(subject coefficient), rounded.</li>
 * </ol>
 */
public final class AverageRules {

    private static final MathContext EXACT = MathContext.DECIMAL64;
    private static final BigDecimal TWENTY = BigDecimal.valueOf(20);

    private final Rounding rounding;
    private final boolean unjustifiedAbsenceCountsAsZero;

    public AverageRules(Rounding rounding, boolean unjustifiedAbsenceCountsAsZero) {
        this.rounding = rounding;
        this.unjustifiedAbsenceCountsAsZero = unjustifiedAbsenceCountsAsZero;
    }

    public Rounding rounding() {
        return rounding;
    }

    /** The value brought back to /20, unrounded. */
    public static BigDecimal outOf20(BigDecimal value, int scale) {
        return value.multiply(TWENTY).divide(BigDecimal.valueOf(scale), EXACT);
    }

    /** One subject's average from its entries (all of the same subject). */
    public SubjectAverage subject(String subject, List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> e.assessmentId().toString()));
        Map<Entry, Contribution.Rule> rules = new HashMap<>();
        Map<Entry, BigDecimal> on20 = new HashMap<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        List<Entry> optional = new ArrayList<>();
        for (Entry e : sorted) {
            BigDecimal value = valueOutOf20(e);
            on20.put(e, value);
            if (value == null) {
                rules.put(e, e.marker() != null ? Contribution.Rule.MARKER_NOT_COUNTED : Contribution.Rule.NO_MARK);
            } else if (e.coefficient().signum() == 0) {
                rules.put(e, Contribution.Rule.ZERO_COEFFICIENT);
            } else if (e.optional()) {
                optional.add(e);
            } else {
                rules.put(e, e.marker() != null ? Contribution.Rule.MARKER_COUNTS_AS_ZERO : Contribution.Rule.COUNTED);
                weighted = weighted.add(value.multiply(e.coefficient()));
                weights = weights.add(e.coefficient());
            }
        }
        optional.sort(Comparator.comparing(on20::get).reversed());
        for (Entry e : optional) {
            BigDecimal value = on20.get(e);
            boolean raises = weights.signum() == 0 || value.compareTo(weighted.divide(weights, EXACT)) > 0;
            if (raises) {
                weighted = weighted.add(value.multiply(e.coefficient()));
                weights = weights.add(e.coefficient());
                rules.put(e, Contribution.Rule.OPTIONAL_RAISES_AVERAGE);
            } else {
                rules.put(e, Contribution.Rule.OPTIONAL_WOULD_NOT_RAISE);
            }
        }
        BigDecimal exact = weights.signum() == 0 ? null : weighted.divide(weights, EXACT);
        List<Contribution> contributions = sorted.stream().map(e -> {
            Contribution.Rule rule = rules.get(e);
            boolean counted = rule == Contribution.Rule.COUNTED || rule == Contribution.Rule.MARKER_COUNTS_AS_ZERO
                    || rule == Contribution.Rule.OPTIONAL_RAISES_AVERAGE;
            BigDecimal shown = on20.get(e) == null ? null : on20.get(e).setScale(2, RoundingMode.HALF_UP);
            return new Contribution(e.assessmentId(), e.title(), e.date(), e.value(), e.marker(), e.scale(), shown, e.coefficient(),
                    e.optional(), e.hypothetical(), counted, rule);
        }).toList();
        return new SubjectAverage(subject, exact, rounding.round(exact), weights, contributions);
    }

    /** Every subject's average, in subject order. */
    public List<SubjectAverage> subjects(List<Entry> entries) {
        Map<String, List<Entry>> bySubject = new TreeMap<>();
        for (Entry e : entries) {
            bySubject.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e);
        }
        List<SubjectAverage> result = new ArrayList<>();
        bySubject.forEach((subject, list) -> result.add(subject(subject, list)));
        return result;
    }

    /** The general average from the subjects' averages as shown; a subject without a coefficient weighs 1. */
    public GeneralAverage general(List<SubjectAverage> subjects, Map<String, BigDecimal> subjectCoefficients) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        List<GeneralAverage.Part> parts = new ArrayList<>();
        Map<String, SubjectAverage> ordered = new LinkedHashMap<>();
        subjects.forEach(s -> ordered.put(s.subject(), s));
        for (SubjectAverage s : ordered.values()) {
            BigDecimal coefficient = subjectCoefficients.getOrDefault(s.subject(), BigDecimal.ONE);
            boolean counted = s.average() != null && coefficient.signum() > 0;
            if (counted) {
                weighted = weighted.add(s.average().multiply(coefficient));
                weights = weights.add(coefficient);
            }
            parts.add(new GeneralAverage.Part(s.subject(), s.average(), coefficient, counted));
        }
        BigDecimal exact = weights.signum() == 0 ? null : weighted.divide(weights, EXACT);
        return new GeneralAverage(exact, rounding.round(exact), weights, parts);
    }

    private BigDecimal valueOutOf20(Entry e) {
        if (e.value() != null) {
            return outOf20(e.value(), e.scale());
        }
        if (e.marker() != null && e.marker().countsAsZero(unjustifiedAbsenceCountsAsZero)) {
            return BigDecimal.ZERO;
        }
        return null;
    }
}
