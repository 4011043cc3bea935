package fr.ent.timetable.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PublicHolidaysTest {

    @Test
    void easter_falls_on_the_published_sundays() {
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(PublicHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(PublicHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void a_year_has_eleven_public_holidays_with_those_that_follow_easter() {
        var days = PublicHolidays.of(2027);
        assertThat(days).hasSize(11)
                .containsEntry(LocalDate.of(2027, 11, 11), "Armistice 1918")
                .containsEntry(LocalDate.of(2027, 3, 29), "Lundi de Pâques")
                .containsEntry(LocalDate.of(2027, 5, 6), "Ascension")
                .containsEntry(LocalDate.of(2027, 5, 17), "Lundi de Pentecôte");
    }
}
