package fr.ent.grades.average;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RanksTest {

    private static List<BigDecimal> averages(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void equal_averages_share_a_rank_and_the_next_one_skips() {
        List<BigDecimal> all = averages("15.50", "12.00", "12", "9.75", "12.00");
        assertThat(Ranks.of(new BigDecimal("15.50"), all)).isEqualTo(1);
        assertThat(Ranks.of(new BigDecimal("12.00"), all)).as("three share the second place, 12 = 12.00").isEqualTo(2);
        assertThat(Ranks.of(new BigDecimal("9.75"), all)).isEqualTo(5);
    }

    @Test
    void alone_is_first_and_no_average_has_no_rank() {
        assertThat(Ranks.of(new BigDecimal("4"), averages("4"))).isEqualTo(1);
        assertThat(Ranks.of(null, averages("4", "5"))).isNull();
    }
}
