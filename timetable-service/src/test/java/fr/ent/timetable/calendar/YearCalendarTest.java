package fr.ent.timetable.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class YearCalendarTest {

    static final YearCalendar YEAR = new YearCalendar("2026-2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 3),
            List.of(new YearCalendar.Period("Noël", LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3))),
            Set.of(48), Set.of(49),
            Map.of("M1", new YearCalendar.Slot("M1", LocalTime.of(8, 0), LocalTime.of(8, 55))));

    @Test
    void no_lessons_on_sundays_public_holidays_holidays_nor_outside_the_year() {
        assertThat(YEAR.noLessonsBecause(LocalDate.of(2026, 11, 11))).contains("jour férié (Armistice 1918)");
        assertThat(YEAR.noLessonsBecause(LocalDate.of(2026, 12, 21))).contains("vacances (Noël)");
        assertThat(YEAR.noLessonsBecause(LocalDate.of(2027, 1, 3))).contains("dimanche");
        assertThat(YEAR.noLessonsBecause(LocalDate.of(2027, 7, 5))).hasValueSatisfying(s -> assertThat(s).contains("en dehors"));
        assertThat(YEAR.hasLessons(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(YEAR.hasLessons(LocalDate.of(2026, 11, 14))).as("a Saturday morning").isTrue();
    }

    @Test
    void week_a_and_b_are_the_iso_weeks_the_school_listed() {
        assertThat(YEAR.weekOf(LocalDate.of(2026, 11, 23))).contains(YearCalendar.Week.A);
        assertThat(YEAR.weekOf(LocalDate.of(2026, 12, 4))).contains(YearCalendar.Week.B);
        assertThat(YEAR.weekOf(LocalDate.of(2026, 12, 7))).isEmpty();
        assertThat(YEAR.alternates()).isTrue();
    }

    @Test
    void the_public_holidays_of_a_school_year_span_two_calendar_years() {
        assertThat(YEAR.publicHolidays()).containsKeys(LocalDate.of(2026, 11, 1), LocalDate.of(2027, 5, 17))
                .doesNotContainKey(LocalDate.of(2027, 7, 14));
    }
}
