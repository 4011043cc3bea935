package fr.ent.timetable.events;

import fr.ent.events.Outbox;
import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.timetable.lesson.Occurrence;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The events of timetable-service, written to the outbox in the caller's transaction: one per
 * occurrence changed, keyed by lesson (a lesson's changes keep their order), subject = the
 * occurrence's stable id. Ids and facts only.
 */
@ApplicationScoped
public class TimetableEvents {

    private final Outbox outbox;

    public TimetableEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** An exceptional lesson was added. */
    public void added(Occurrence o) {
        changed(LessonChangeKind.ADDED, List.of(new Change(o, o)));
    }

    /** An occurrence before and after one change. */
    public record Change(Occurrence before, Occurrence after) {
    }

    /** The occurrences of one change (one, or a series from a date): one insert into the outbox. */
    public void changed(LessonChangeKind kind, List<Change> changes) {
        outbox.publishAll(changes.stream().map(c -> {
            Occurrence after = c.after();
            Occurrence before = c.before();
            LessonChanged payload = new LessonChanged(after.id(), after.lessonId(), after.schoolId(), kind,
                    after.plannedDate(), after.planned() == null ? after.startsAt() : after.planned().startsAt(),
                    after.date(), after.startsAt(), after.endsAt(), after.subject(), after.classIds(), after.groupIds(),
                    after.teacherIds(), before.teacherIds(), after.roomId(), before.roomId());
            return new Outbox.Pending(payload, after.lessonId().toString(), after.id(), after.schoolId());
        }).toList());
    }
}
