package fr.ent.web.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolClockTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static SchoolClock startingAt(String start) {
        return new SchoolClock(new PlatformClock(Optional.of(OffsetDateTime.parse(start))), PARIS);
    }

    @Test
    void a_configured_start_is_where_time_runs_from_whatever_the_real_date() {
        SchoolClock clock = startingAt("2026-12-06T10:00:00+01:00");
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 6));
        Duration drift = Duration.between(Instant.parse("2026-12-06T09:00:00Z"), clock.instant());
        assertThat(drift).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void new_year_is_counted_in_paris_not_in_utc() {
        // 00:30 in Paris on 1 January is still 31 December in UTC
        SchoolClock clock = startingAt("2027-01-01T00:30:00+01:00");
        assertThat(clock.today()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(clock.thisMonth()).isEqualTo(YearMonth.of(2027, 1));
        SchoolClock eve = startingAt("2026-12-31T23:30:00+01:00");
        assertThat(eve.today()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(eve.thisMonth()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void wall_clock_times_follow_the_daylight_saving_change() {
        SchoolClock clock = startingAt("2027-03-28T12:00:00+02:00");
        assertThat(clock.at(LocalDateTime.of(2027, 3, 28, 1, 30)).getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(clock.at(LocalDateTime.of(2027, 3, 28, 3, 30)).getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(clock.local(OffsetDateTime.parse("2027-03-28T01:30:00Z"))).isEqualTo(LocalDateTime.of(2027, 3, 28, 3, 30));
    }

    @Test
    void a_test_moves_the_clock_and_reset_brings_it_back_to_the_configured_start() {
        PlatformClock platform = new PlatformClock(Optional.of(OffsetDateTime.parse("2026-11-17T10:30:00+01:00")));
        SchoolClock clock = new SchoolClock(platform, PARIS);
        platform.set(OffsetDateTime.parse("2026-12-23T08:00:00+01:00"));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 23));
        platform.reset();
        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 11, 17));
    }

    @Test
    void without_a_configured_start_it_is_the_real_time() {
        PlatformClock platform = new PlatformClock(Optional.empty());
        assertThat(Duration.between(Instant.now(), platform.instant()).abs()).isLessThan(Duration.ofSeconds(1));
    }
}
