package fr.ent.grades.events;

import fr.ent.events.Outbox;
import fr.ent.events.contract.grades.MarkChanged;
import fr.ent.events.contract.grades.MarksPublished;
import fr.ent.events.contract.grades.PeriodLocked;
import fr.ent.events.contract.grades.ReportCardPublished;
import fr.ent.grades.assessment.Assessment;
import fr.ent.grades.period.Period;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The events of grades-service, written to the outbox in the caller's transaction, keyed by
 * assessment (its publication and later changes keep their order), by period, or by pupil (report cards). Ids, the subject
 * code and times; never a mark or a title.
 */
@ApplicationScoped
public class GradesEvents {

    private final Outbox outbox;
    private final SchoolClock clock;

    public GradesEvents(Outbox outbox, SchoolClock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public void published(Assessment a, List<UUID> pupilIds) {
        MarksPublished payload = new MarksPublished(a.id, a.schoolId, a.classGroupId, a.periodId, a.subject, a.teacherId,
                a.heldOn, pupilIds.stream().sorted().toList(), at(a.publishedAt), at(a.pupilsVisibleAt), at(a.guardiansVisibleAt), a.title);
        outbox.publish(payload, a.id.toString(), a.id.toString(), a.schoolId);
    }

    /** One event per pupil whose result changed after publication. */
    public void changed(Assessment a, Collection<UUID> pupilIds, Instant changedAt) {
        Instant pupils = later(a.pupilsVisibleAt, changedAt);
        Instant guardians = later(a.guardiansVisibleAt, changedAt);
        outbox.publishAll(pupilIds.stream().sorted().map(pupil -> new Outbox.Pending(
                new MarkChanged(a.id, a.schoolId, a.classGroupId, pupil, a.subject, at(changedAt), at(pupils), at(guardians),
                        a.title),
                a.id.toString(), a.id + "/" + pupil, a.schoolId)).toList());
    }

    public void periodLocked(Period p) {
        outbox.publish(new PeriodLocked(p.id, p.schoolId, p.classGroupId, p.schoolYear, p.startsOn, p.endsOn, at(p.lockedAt),
                        p.name),
                p.id.toString(), p.id.toString(), p.schoolId);
    }

    /** A class's report cards published: one event per pupil, keyed by pupil. */
    public void reportCardsPublished(Period period, UUID classGroupId, Collection<UUID> pupilIds, Instant at) {
        UUID periodId = period.id;
        UUID schoolId = period.schoolId;
        outbox.publishAll(pupilIds.stream().sorted().map(pupil -> new Outbox.Pending(
                new ReportCardPublished(periodId, schoolId, classGroupId, pupil, at(at), period.name),
                pupil.toString(), periodId + "/" + pupil, schoolId)).toList());
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(clock.zone()).toOffsetDateTime();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
