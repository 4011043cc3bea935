package fr.ent.grades.average;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Averages against cases computed by hand (the computation is written beside each). */
class AverageRulesTest {

    static final LocalDate D = LocalDate.of(2026, 10, 5);
    final AverageRules rules = new AverageRules(Rounding.DEFAULT, false);

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void marks_on_several_scales_are_brought_back_to_20_and_weighted_by_coefficients() {
        // 15/20 ×1, 8/10 = 16/20 ×2, 3/5 = 12/20 ×1 → (15 + 32 + 12) / 4 = 14.75
        SubjectAverage a = rules.subject("MATHS", List.of(Entry.mark("MATHS", D, "1", 20, "15"),
                Entry.mark("MATHS", D.plusDays(1), "2", 10, "8"), Entry.mark("MATHS", D.plusDays(2), "1", 5, "3")));
        assertThat(a.average()).isEqualByComparingTo("14.75");
        assertThat(a.coefficients()).isEqualByComparingTo("4");
        assertThat(a.contributions()).extracting(Contribution::outOf20)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("15"), d("16"), d("12"));
        // 75/100 = 15 ×1, 9/10 = 18 ×3 → (15 + 54) / 4 = 17.25
        assertThat(rules.subject("SVT", List.of(Entry.mark("SVT", D, "1", 100, "75"), Entry.mark("SVT", D, "3", 10, "9")))
                .average()).isEqualByComparingTo("17.25");
        // 13.5/20 ×0.5 and 7/20 ×1.5 → (6.75 + 10.5) / 2 = 8.625 → 8.63 to the nearest hundredth
        assertThat(rules.subject("SVT", List.of(Entry.mark("SVT", D, "0.5", 20, "13.5"), Entry.mark("SVT", D, "1.5", 20, "7")))
                .average()).isEqualByComparingTo("8.63");
    }

    @Test
    void an_optional_assessment_counts_only_if_it_raises_the_average_best_first() {
        // mandatory 10 and 14 → 12. Optional 16, 13, 11 (×1 each), best first:
        // 16 > 12 counts → (10+14+16)/3 = 13.333; 13 < 13.333 does not; 11 does not. → 13.33
        // (taking 13 first would give (10+14+13+16)/4 = 13.25, lower)
        Entry sixteen = Entry.mark("FR", D, "1", 20, "16").asOptional();
        Entry thirteen = Entry.mark("FR", D, "1", 20, "13").asOptional();
        Entry eleven = Entry.mark("FR", D, "1", 20, "11").asOptional();
        SubjectAverage a = rules.subject("FR", List.of(Entry.mark("FR", D, "1", 20, "10"), thirteen,
                Entry.mark("FR", D, "1", 20, "14"), eleven, sixteen));
        assertThat(a.average()).isEqualByComparingTo("13.33");
        assertThat(ruleOf(a, sixteen)).isEqualTo(Contribution.Rule.OPTIONAL_RAISES_AVERAGE);
        assertThat(ruleOf(a, thirteen)).isEqualTo(Contribution.Rule.OPTIONAL_WOULD_NOT_RAISE);
        assertThat(ruleOf(a, eleven)).isEqualTo(Contribution.Rule.OPTIONAL_WOULD_NOT_RAISE);
        // an optional mark equal to the average does not raise it
        assertThat(rules.subject("FR", List.of(Entry.mark("FR", D, "1", 20, "12"), Entry.mark("FR", D, "1", 20, "12").asOptional()))
                .contributions().stream().filter(Contribution::optional).findFirst().orElseThrow().counted()).isFalse();
        // alone, the best optional one counts, then those above it: 8 and 12 → 12 alone
        assertThat(rules.subject("FR", List.of(Entry.mark("FR", D, "1", 20, "8").asOptional(),
                Entry.mark("FR", D, "1", 20, "12").asOptional())).average()).isEqualByComparingTo("12");
        // a heavier optional mark above the average: 10 ×1, optional 14/20 ×3 → (10 + 42) / 4 = 13
        assertThat(rules.subject("FR", List.of(Entry.mark("FR", D, "1", 20, "10"), Entry.mark("FR", D, "3", 20, "14").asOptional()))
                .average()).isEqualByComparingTo("13");
    }

    @Test
    void each_marker_follows_its_rule() {
        List<Entry> entries = List.of(Entry.mark("HG", D, "1", 20, "12"), Entry.marker("HG", D, "1", 20, Marker.ABSENT),
                Entry.marker("HG", D, "1", 20, Marker.NOT_HANDED_IN), Entry.marker("HG", D, "1", 20, Marker.EXEMPT),
                Entry.marker("HG", D, "1", 20, Marker.NOT_GRADED), Entry.marker("HG", D, "1", 20, Marker.ABSENT_JUSTIFIED));
        // by default: 12 and the 0 of "not handed in" → 6
        SubjectAverage byDefault = rules.subject("HG", entries);
        assertThat(byDefault.average()).isEqualByComparingTo("6");
        assertThat(byDefault.contributions()).extracting(Contribution::rule).containsExactlyInAnyOrder(
                Contribution.Rule.COUNTED, Contribution.Rule.MARKER_NOT_COUNTED, Contribution.Rule.MARKER_COUNTS_AS_ZERO,
                Contribution.Rule.MARKER_NOT_COUNTED, Contribution.Rule.MARKER_NOT_COUNTED, Contribution.Rule.MARKER_NOT_COUNTED);
        // where an unjustified absence counts as 0: (12 + 0 + 0) / 3 = 4; a justified one still never counts
        assertThat(new AverageRules(Rounding.DEFAULT, true).subject("HG", entries).average()).isEqualByComparingTo("4");
        // only markers that do not count: no average at all
        assertThat(rules.subject("HG", List.of(Entry.marker("HG", D, "1", 20, Marker.EXEMPT))).average()).isNull();
    }

    @Test
    void a_zero_coefficient_is_shown_never_counted() {
        SubjectAverage a = rules.subject("EPS", List.of(Entry.mark("EPS", D, "0", 20, "2"), Entry.mark("EPS", D, "1", 20, "14")));
        assertThat(a.average()).isEqualByComparingTo("14");
        assertThat(a.contributions()).extracting(Contribution::rule)
                .containsExactlyInAnyOrder(Contribution.Rule.ZERO_COEFFICIENT, Contribution.Rule.COUNTED);
    }

    @Test
    void rounding_follows_the_schools_step_and_mode() {
        BigDecimal third = d("13.3333333");
        assertThat(new Rounding(d("0.01"), Rounding.Mode.NEAREST).round(third)).isEqualByComparingTo("13.33");
        assertThat(new Rounding(d("0.1"), Rounding.Mode.NEAREST).round(third)).isEqualByComparingTo("13.3");
        assertThat(new Rounding(d("0.1"), Rounding.Mode.UP).round(third)).isEqualByComparingTo("13.4");
        assertThat(new Rounding(d("0.5"), Rounding.Mode.NEAREST).round(third)).isEqualByComparingTo("13.5");
        assertThat(new Rounding(d("0.5"), Rounding.Mode.NEAREST).round(d("13.2"))).isEqualByComparingTo("13");
        assertThat(new Rounding(d("0.5"), Rounding.Mode.NEAREST).round(d("12.25"))).isEqualByComparingTo("12.5"); // halves up
        assertThat(new Rounding(d("0.25"), Rounding.Mode.UP).round(d("12.01"))).isEqualByComparingTo("12.25");
        assertThat(new Rounding(BigDecimal.ONE, Rounding.Mode.NEAREST).round(d("12.49"))).isEqualByComparingTo("12");
        assertThat(new Rounding(d("0.5"), Rounding.Mode.UP).round(d("14"))).isEqualByComparingTo("14");
    }

    @Test
    void the_general_average_weighs_the_subject_averages_as_shown_by_their_coefficients() {
        AverageRules half = new AverageRules(new Rounding(d("0.5"), Rounding.Mode.NEAREST), false);
        // MATHS 14.75 → shown 15 (×3); FR 12 (×2); ARTS no average (×1); MUSIC 10 with coefficient 0
        List<SubjectAverage> subjects = half.subjects(List.of(Entry.mark("MATHS", D, "1", 20, "15"),
                Entry.mark("MATHS", D, "2", 10, "8"), Entry.mark("MATHS", D, "1", 5, "3"),
                Entry.mark("FR", D, "1", 20, "12"), Entry.marker("ARTS", D, "1", 20, Marker.EXEMPT),
                Entry.mark("MUSIC", D, "1", 20, "10")));
        GeneralAverage g = half.general(subjects, Map.of("MATHS", d("3"), "FR", d("2"), "MUSIC", BigDecimal.ZERO));
        // (15 × 3 + 12 × 2) / 5 = 69 / 5 = 13.8 → 14 to the half point
        assertThat(g.exact()).isEqualByComparingTo("13.8");
        assertThat(g.average()).isEqualByComparingTo("14");
        assertThat(g.parts()).extracting(GeneralAverage.Part::subject, GeneralAverage.Part::counted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ARTS", false), org.assertj.core.groups.Tuple.tuple("FR", true),
                        org.assertj.core.groups.Tuple.tuple("MATHS", true), org.assertj.core.groups.Tuple.tuple("MUSIC", false));
        // to the hundredth: MATHS 14.75 → (44.25 + 24) / 5 = 13.65
        assertThat(rules.general(rules.subjects(List.of(Entry.mark("MATHS", D, "1", 20, "15"),
                Entry.mark("MATHS", D, "2", 10, "8"), Entry.mark("MATHS", D, "1", 5, "3"),
                Entry.mark("FR", D, "1", 20, "12"))), Map.of("MATHS", d("3"), "FR", d("2"))).average())
                .isEqualByComparingTo("13.65");
    }

    @Test
    void a_what_if_is_the_same_computation_with_hypothetical_entries() {
        List<Entry> real = List.of(Entry.mark("MATHS", D, "1", 20, "10"));
        Entry hypothesis = new Entry(java.util.UUID.randomUUID(), "Contrôle 3", "MATHS", D.plusDays(7), d("2"), 20, false, d("16"), null, true);
        SubjectAverage withIt = rules.subject("MATHS", List.of(real.get(0), hypothesis));
        // (10 + 32) / 3 = 14
        assertThat(withIt.average()).isEqualByComparingTo("14");
        assertThat(withIt.contributions().get(1).hypothetical()).isTrue();
    }

    @Test
    void the_class_statistics_are_mean_min_max_median_and_ten_bins() {
        Statistics s = Statistics.of(List.of(d("12"), d("4"), d("20"), d("8"), d("15")), 20);
        // (4 + 8 + 12 + 15 + 20) / 5 = 11.8; sorted middle = 12
        assertThat(s.mean()).isEqualByComparingTo("11.8");
        assertThat(s.median()).isEqualByComparingTo("12");
        assertThat(s.min()).isEqualByComparingTo("4");
        assertThat(s.max()).isEqualByComparingTo("20");
        assertThat(s.distribution()).extracting(Statistics.Bin::count).containsExactly(0, 0, 1, 0, 1, 0, 1, 1, 0, 1);
        // even count: the mean of the two middle values, (8 + 12) / 2 = 10
        assertThat(Statistics.of(List.of(d("4"), d("8"), d("12"), d("15")), 20).median()).isEqualByComparingTo("10");
        // on /5: bins of 0.5; 5 falls in the last one, 2.5 in the sixth
        Statistics five = Statistics.of(List.of(d("5"), d("2.5")), 5);
        assertThat(five.distribution().get(5).count()).isEqualTo(1);
        assertThat(five.distribution().get(9).count()).isEqualTo(1);
        assertThat(Statistics.of(List.of(), 20).mean()).isNull();
    }

    @Test
    void a_mark_is_within_the_scale_and_on_the_schools_step() {
        assertThat(MarkRules.problemWith(d("20.25"), 20, d("0.25"))).isPresent();
        assertThat(MarkRules.problemWith(d("-1"), 20, d("0.25"))).isPresent();
        assertThat(MarkRules.problemWith(d("12.3"), 20, d("0.25"))).isPresent();
        assertThat(MarkRules.problemWith(d("12.75"), 20, d("0.25"))).isEmpty();
        assertThat(MarkRules.problemWith(d("12.75"), 20, d("0.5"))).isPresent();
        assertThat(MarkRules.problemWith(d("20"), 20, d("0.5"))).isEmpty();
        assertThat(MarkRules.problemWith(d("11"), 10, d("0.5"))).get().asString().contains("barème");
        assertThat(MarkRules.problemWithCoefficient(d("-1"))).isPresent();
        assertThat(MarkRules.problemWithCoefficient(d("0"))).isEmpty();
        assertThat(MarkRules.problemWithScale(0)).isPresent();
        assertThat(MarkRules.problemWithScale(100)).isEmpty();
    }

    private static Contribution.Rule ruleOf(SubjectAverage a, Entry e) {
        return a.contributions().stream().filter(c -> c.assessmentId().equals(e.assessmentId())).findFirst().orElseThrow().rule();
    }
}
