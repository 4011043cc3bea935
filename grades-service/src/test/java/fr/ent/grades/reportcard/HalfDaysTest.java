package fr.ent.grades.reportcard;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Absences counted in half-days (morning before noon, afternoon from noon, Paris time), and marks written the French way. */
class HalfDaysTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    static HalfDays.Absence absence(LocalDate day, int from, int to, boolean justified) {
        return new HalfDays.Absence(ZonedDateTime.of(day.atTime(from, 0), PARIS).toInstant(),
                ZonedDateTime.of(day.atTime(to, 0), PARIS).toInstant(), justified);
    }

    @Test
    void a_whole_day_is_two_half_days_and_a_morning_hour_one() {
        assertThat(HalfDays.count(List.of(absence(MONDAY, 8, 17, false)), MONDAY, MONDAY.plusDays(30), PARIS))
                .isEqualTo(new HalfDays.Count(2, 2));
        assertThat(HalfDays.count(List.of(absence(MONDAY, 8, 9, true)), MONDAY, MONDAY.plusDays(30), PARIS))
                .isEqualTo(new HalfDays.Count(1, 0));
        // ending exactly at noon is the morning only
        assertThat(HalfDays.count(List.of(absence(MONDAY, 10, 12, true)), MONDAY, MONDAY, PARIS).total()).isEqualTo(1);
    }

    @Test
    void two_absences_in_one_half_day_count_once_and_unjustified_if_one_is() {
        assertThat(HalfDays.count(List.of(absence(MONDAY, 8, 9, true), absence(MONDAY, 10, 11, false),
                absence(MONDAY, 14, 15, true)), MONDAY, MONDAY, PARIS)).isEqualTo(new HalfDays.Count(2, 1));
    }

    @Test
    void only_the_days_of_the_period_count() {
        HalfDays.Absence week = new HalfDays.Absence(ZonedDateTime.of(MONDAY.atTime(8, 0), PARIS).toInstant(),
                ZonedDateTime.of(MONDAY.plusDays(2).atTime(17, 0), PARIS).toInstant(), false);
        assertThat(HalfDays.count(List.of(week), MONDAY.plusDays(1), MONDAY.plusDays(30), PARIS).total()).isEqualTo(4);
    }

    @Test
    void marks_have_a_decimal_comma_and_two_decimals() {
        assertThat(FrenchNumbers.mark(new BigDecimal("15.5"))).isEqualTo("15,50");
        assertThat(FrenchNumbers.mark(new BigDecimal("11.333"))).isEqualTo("11,33");
        assertThat(FrenchNumbers.mark(null)).isEqualTo("—");
        assertThat(FrenchNumbers.subject("MATHS")).isEqualTo("Mathématiques");
        assertThat(FrenchNumbers.subject("ARTS_DU_CIRQUE")).isEqualTo("Arts du cirque");
    }
}
