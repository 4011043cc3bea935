package fr.ent.testkit;

import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The service's clock in a {@code @QuarkusTest}, put on a day of lessons. */
public final class SchoolDays {

    private SchoolDays() {
    }

    /**
     * Moves the service's clock to 10:30 on the school day (Monday to Friday) at or before the run's
     * configured start ({@code ent.clock.start}), so that "today" is a day of lessons whatever the
     * real date and whatever start a run is given (a Sunday, 31 December, a daylight-saving day...).
     */
    public static void onASchoolDay() {
        ZoneId zone = Arc.container().instance(SchoolClock.class).get().zone();
        LocalDate day = ConfigProvider.getConfig().getOptionalValue("ent.clock.start", OffsetDateTime.class)
                .map(s -> s.atZoneSameInstant(zone).toLocalDate()).orElse(LocalDate.now(zone));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        Arc.container().instance(PlatformClock.class).get().set(day.atTime(10, 30).atZone(zone).toOffsetDateTime());
    }

    /** The service's "today" (see {@link #onASchoolDay}). */
    public static LocalDate today() {
        return Arc.container().instance(SchoolClock.class).get().today();
    }
}
