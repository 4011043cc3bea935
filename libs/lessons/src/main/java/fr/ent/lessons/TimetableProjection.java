package fr.ent.lessons;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.events.contract.timetable.LessonScheduled;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/**
 * Applies timetable-service's events to the lesson occurrences, in the consumer's transaction:
 * {@code LessonScheduled} replaces a lesson's plan unless an older version than the last one
 * applied; {@code LessonChanged} sets one occurrence as it now is unless recorded before the last
 * change applied to it. Other types on the topic are skipped. A redelivery (same event id) is
 * skipped before it gets here.
 */
@ApplicationScoped
public class TimetableProjection {

    private final LessonOccurrences occurrences;
    private final SchoolClock clock;

    public TimetableProjection(LessonOccurrences occurrences, SchoolClock clock) {
        this.occurrences = occurrences;
        this.clock = clock;
    }

    public void apply(IncomingEvent event) {
        if (event.is(LessonScheduled.class)) {
            LessonScheduled s = event.data(LessonScheduled.class);
            if (occurrences.claimVersion(s)) {
                occurrences.replacePlan(s);
            }
        } else if (event.is(LessonChanged.class)) {
            // Without ce_time (never from timetable-service's outbox), the change counts as recorded now.
            OffsetDateTime at = event.time() == null ? clock.now() : event.time();
            occurrences.applyChange(event.data(LessonChanged.class), at);
        }
    }
}
