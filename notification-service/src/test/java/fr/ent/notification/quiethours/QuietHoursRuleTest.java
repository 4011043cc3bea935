package fr.ent.notification.quiethours;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursRuleTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final QuietHoursRule national = QuietHoursRule.NATIONAL_GUIDANCE;

    static Instant paris(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    @Test
    void a_weekday_afternoon_is_not_quiet() {
        assertThat(national.deferUntil(paris(11, 24, 16, 30), PARIS)).isEqualTo(paris(11, 24, 16, 30));
        assertThat(national.deferUntil(paris(11, 24, 7, 0), PARIS)).isEqualTo(paris(11, 24, 7, 0));
        assertThat(national.deferUntil(paris(11, 24, 19, 59), PARIS)).isEqualTo(paris(11, 24, 19, 59));
    }

    @Test
    void a_weekday_evening_waits_for_the_next_morning() {
        assertThat(national.deferUntil(paris(11, 24, 20, 0), PARIS)).isEqualTo(paris(11, 25, 7, 0));
        assertThat(national.deferUntil(paris(11, 24, 23, 45), PARIS)).isEqualTo(paris(11, 25, 7, 0));
        assertThat(national.deferUntil(paris(11, 25, 6, 59), PARIS)).isEqualTo(paris(11, 25, 7, 0));
    }

    @Test
    void friday_evening_to_monday_morning_waits_for_monday() {
        assertThat(national.deferUntil(paris(11, 27, 20, 0), PARIS)).isEqualTo(paris(11, 30, 7, 0));
        assertThat(national.deferUntil(paris(11, 28, 12, 0), PARIS)).isEqualTo(paris(11, 30, 7, 0));
        assertThat(national.deferUntil(paris(11, 29, 23, 0), PARIS)).isEqualTo(paris(11, 30, 7, 0));
        assertThat(national.deferUntil(paris(11, 30, 5, 0), PARIS)).isEqualTo(paris(11, 30, 7, 0));
        assertThat(national.deferUntil(paris(11, 27, 6, 0), PARIS)).isEqualTo(paris(11, 27, 7, 0));
    }

    @Test
    void the_school_time_zone_decides_and_daylight_saving_is_respected() {
        ZoneId reunion = ZoneId.of("Indian/Reunion");
        // 17:30 in Paris is 20:30 in La Réunion (UTC+4): quiet there until 07:00 local.
        Instant at = paris(11, 24, 17, 30);
        assertThat(national.deferUntil(at, reunion)).isEqualTo(ZonedDateTime.of(2026, 11, 25, 7, 0, 0, 0, reunion).toInstant());
        // The night clocks go back (25 October 2026) still ends at 07:00 local time.
        assertThat(national.deferUntil(paris(10, 24, 22, 0), PARIS)).isEqualTo(paris(10, 26, 7, 0));
    }

    @Test
    void a_school_may_choose_its_own_hours_and_drop_the_weekend() {
        QuietHoursRule own = new QuietHoursRule(LocalTime.of(21, 30), LocalTime.of(6, 30), false);
        assertThat(own.deferUntil(paris(11, 28, 12, 0), PARIS)).isEqualTo(paris(11, 28, 12, 0));
        assertThat(own.deferUntil(paris(11, 24, 21, 0), PARIS)).isEqualTo(paris(11, 24, 21, 0));
        assertThat(own.deferUntil(paris(11, 24, 22, 0), PARIS)).isEqualTo(paris(11, 25, 6, 30));
        assertThatThrownBy(() -> new QuietHoursRule(LocalTime.of(7, 0), LocalTime.of(20, 0), true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
