package fr.ent.grades.average;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A class's figures over a set of values on one scale (an assessment's marks on its scale, or the
 * pupils' averages on 20): count, mean, min, max, median (the middle value, or the mean of the two
 * middle ones), and the distribution in ten bins of equal width, [from, to) except the last, which
 * includes the top of the scale. Markers are not values; the caller counts them apart. No rank.
 */
public record Statistics(int count, BigDecimal mean, BigDecimal min, BigDecimal max, BigDecimal median,
                         int scale, List<Bin> distribution) {

    public record Bin(BigDecimal from, BigDecimal to, int count) {
    }

    public static Statistics of(List<BigDecimal> values, int scale) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        List<Bin> bins = new ArrayList<>();
        BigDecimal width = BigDecimal.valueOf(scale).divide(BigDecimal.TEN, MathContext.DECIMAL64);
        for (int i = 0; i < 10; i++) {
            BigDecimal from = width.multiply(BigDecimal.valueOf(i));
            BigDecimal to = width.multiply(BigDecimal.valueOf(i + 1L));
            boolean last = i == 9;
            int count = (int) sorted.stream().filter(v -> v.compareTo(from) >= 0
                    && (last ? v.compareTo(to) <= 0 : v.compareTo(to) < 0)).count();
            bins.add(new Bin(two(from), two(to), count));
        }
        if (sorted.isEmpty()) {
            return new Statistics(0, null, null, null, null, scale, bins);
        }
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        return new Statistics(n, two(sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64)), two(sorted.get(0)),
                two(sorted.get(n - 1)), two(median), scale, bins);
    }

    private static BigDecimal two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
