package fr.ent.web.clock;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * "Now", "today" and "this month" in the schools' time zone ({@code ent.school.zone}, Europe/Paris by
 * default), read from the {@link PlatformClock}; and the one place to turn a school's wall-clock time
 * into an instant and back. Never call {@code LocalDate.now()} in a service: ask this.
 */
@Singleton
public class SchoolClock {

    private final ZoneId zone;
    private final Clock clock;

    public SchoolClock(PlatformClock clock, @ConfigProperty(name = "ent.school.zone", defaultValue = "Europe/Paris") ZoneId zone) {
        this.zone = zone;
        this.clock = clock.withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant instant() {
        return clock.instant();
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public YearMonth thisMonth() {
        return YearMonth.now(clock);
    }

    public OffsetDateTime at(LocalDateTime local) {
        return local.atZone(zone).toOffsetDateTime();
    }

    public LocalDateTime local(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDateTime();
    }
}
