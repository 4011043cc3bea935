package fr.ent.attendance.entry;

import fr.ent.attendance.entry.HalfDays.HalfDay;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The unit of the legal count, without Quarkus nor a database. */
class HalfDaysTest {

    static final LocalTime AFTERNOON = LocalTime.of(12, 30);
    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 17);

    @Test
    void a_morning_lesson_touches_the_morning_only() {
        assertThat(HalfDays.between(TUESDAY.atTime(9, 0), TUESDAY.atTime(10, 0), AFTERNOON))
                .containsExactly(new HalfDay(TUESDAY, true));
    }

    @Test
    void the_afternoon_starts_at_the_configured_time() {
        assertThat(HalfDays.between(TUESDAY.atTime(11, 30), TUESDAY.atTime(12, 30), AFTERNOON))
                .containsExactly(new HalfDay(TUESDAY, true));
        assertThat(HalfDays.between(TUESDAY.atTime(12, 30), TUESDAY.atTime(13, 0), AFTERNOON))
                .containsExactly(new HalfDay(TUESDAY, false));
        assertThat(HalfDays.between(TUESDAY.atTime(12, 0), TUESDAY.atTime(13, 0), AFTERNOON))
                .containsExactly(new HalfDay(TUESDAY, true), new HalfDay(TUESDAY, false));
    }

    @Test
    void several_days_count_each_half_day_but_never_a_sunday() {
        LocalDateTime saturdayMorning = LocalDate.of(2026, 11, 21).atTime(8, 0);
        LocalDateTime mondayNoon = LocalDate.of(2026, 11, 23).atTime(12, 0);
        assertThat(HalfDays.between(saturdayMorning, mondayNoon, AFTERNOON)).containsExactly(
                new HalfDay(LocalDate.of(2026, 11, 21), true), new HalfDay(LocalDate.of(2026, 11, 21), false),
                new HalfDay(LocalDate.of(2026, 11, 23), true));
    }

    @Test
    void an_absence_until_midnight_does_not_touch_the_next_morning() {
        assertThat(HalfDays.between(TUESDAY.atTime(17, 0), TUESDAY.plusDays(1).atStartOfDay(), AFTERNOON))
                .containsExactly(new HalfDay(TUESDAY, false));
    }
}
