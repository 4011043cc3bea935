package fr.ent.notification.home;

import fr.ent.web.jdbc.Jdbc;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Keeps the home's tables small: what a home can no longer show goes (work due more than a week
 * ago, marks and messages older than the home looks back, absences past {@link Home#ABSENCE_DAYS}
 * and their tombstones). Hourly, on the platform clock; every instance may run it (deletes only).
 */
@ApplicationScoped
public class HomeRetention {

    /** Marks and messages kept this long (the home shows the latest 5 marks; unread messages of a month). */
    static final Duration MARKS_AND_MESSAGES = Duration.ofDays(60);

    private final Jdbc jdbc;
    private final Clock clock;

    HomeRetention(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(every = "${ent.notification.home.retention-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes what no home can show any more; returns how many rows went. */
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return jdbc.update("delete from home_work where due_on < ?", today.minusDays(7))
                + jdbc.update("delete from home_mark where occurred_at < ? and guardians_visible_at < ?",
                        now.minus(MARKS_AND_MESSAGES), now)
                + jdbc.update("delete from home_message where sent_at < ?", now.minus(MARKS_AND_MESSAGES))
                // past the home's window, settled or not (a replay of an older absence would not be listed either)
                + jdbc.update("delete from home_absence where starts_at < ?", now.minus(Duration.ofDays(Home.ABSENCE_DAYS)));
    }
}
