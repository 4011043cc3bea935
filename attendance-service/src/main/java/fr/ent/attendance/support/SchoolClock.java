package fr.ent.attendance.support;

import fr.ent.attendance.AttendanceConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** "Now" and "today" in the school's time zone; one place to turn wall-clock times into instants. */
@ApplicationScoped
public class SchoolClock {

    private final ZoneId zone;
    private final Clock clock;

    public SchoolClock(AttendanceConfig config) {
        this.zone = config.zone();
        this.clock = Clock.system(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public OffsetDateTime at(LocalDateTime local) {
        return local.atZone(zone).toOffsetDateTime();
    }

    public LocalDateTime local(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDateTime();
    }
}
