package fr.ent.homework.events;

import fr.ent.events.Outbox;
import fr.ent.events.contract.homework.FeedbackReturned;
import fr.ent.events.contract.homework.HandInReceived;
import fr.ent.events.contract.homework.WorkDueReminder;
import fr.ent.events.contract.homework.WorkSet;
import fr.ent.homework.work.Work;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * The events of homework-service, written to the outbox in the caller's transaction, keyed by work.
 * Ids, the subject code, the kind and times; never a title, instructions, a comment or a file name.
 */
@ApplicationScoped
public class HomeworkEvents {

    private final Outbox outbox;
    private final SchoolClock clock;

    public HomeworkEvents(Outbox outbox, SchoolClock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void workSet(Work w, Collection<UUID> pupilIds) {
        outbox.publish(new WorkSet(w.id, w.schoolId, w.classGroupId, w.subject, w.teacherId, w.kind.name(), w.dueOn, at(w.dueAt),
                pupilIds.stream().sorted().toList(), at(w.visibleFrom)), w.id.toString(), w.id.toString(), w.schoolId);
    }

    public void dueTomorrow(Work w, Collection<UUID> notDone) {
        outbox.publish(new WorkDueReminder(w.id, w.schoolId, w.classGroupId, w.subject, w.kind.name(), w.dueOn,
                notDone.stream().sorted().toList()), w.id.toString(), w.id.toString(), w.schoolId);
    }

    public void handInReceived(Work w, UUID pupilId, Instant at, boolean late, int files) {
        outbox.publish(new HandInReceived(w.id, w.schoolId, pupilId, w.teacherId, w.subject, at(at), late, files),
                w.id.toString(), w.id + "/" + pupilId, w.schoolId);
    }

    public void feedbackReturned(Work w, UUID pupilId, Instant at) {
        outbox.publish(new FeedbackReturned(w.id, w.schoolId, pupilId, w.teacherId, w.subject, at(at)),
                w.id.toString(), w.id + "/" + pupilId, w.schoolId);
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(clock.zone()).toOffsetDateTime();
    }
}
