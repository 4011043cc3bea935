package fr.ent.homework.events;

import fr.ent.homework.work.Work;
import fr.ent.homework.work.WorkRepository;
import fr.ent.homework.work.WorkService;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The day before work is due, one reminder event per work naming the pupils who have not marked it
 * done. Rows are claimed with {@code for update skip locked} and stamped in the same transaction as
 * the outbox row: replicas share the work, and a work is reminded once.
 */
@ApplicationScoped
public class DueReminders {

    static final int BATCH = 100;

    private final WorkRepository works;
    private final WorkService workService;
    private final HomeworkEvents events;
    private final SchoolClock clock;

    public DueReminders(WorkRepository works, WorkService workService, HomeworkEvents events, SchoolClock clock) {
        this.works = works;
        this.workService = workService;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(identity = "homework-due-reminders", every = "${homework.reminders.every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        while (runOnce() == BATCH) {
            // another batch
        }
    }

    /** Sends the reminders of one batch of works due tomorrow; returns how many works it claimed. */
    @Transactional
    public int runOnce() {
        Instant now = clock.instant();
        List<UUID> claimed = works.claimReminders(clock.today().plusDays(1), now, BATCH);
        for (UUID id : claimed) {
            Work w = works.findById(id);
            Set<UUID> notDone = new HashSet<>(workService.pupilsOf(w));
            notDone.removeAll(works.doneFor(id));
            if (!notDone.isEmpty()) {
                events.dueTomorrow(w, notDone);
            }
            works.reminderSent(id, now);
        }
        return claimed.size();
    }
}
