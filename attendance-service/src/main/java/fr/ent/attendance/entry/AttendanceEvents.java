package fr.ent.attendance.entry;

import fr.ent.events.Outbox;
import fr.ent.events.contract.attendance.AbsenceCancelled;
import fr.ent.events.contract.attendance.AbsenceJustified;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.events.contract.attendance.AbsenceThresholdReached;
import fr.ent.events.contract.attendance.EarlyDepartureRecorded;
import fr.ent.events.contract.attendance.LatenessRecorded;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The events of attendance-service, written to the outbox in the caller's transaction. Keyed by
 * pupil so a consumer sees one pupil's events in order; subject = the entry. Only ids and facts:
 * never a reason nor a comment. A school's reasons say why a pupil was away (MALADIE,
 * RDV_MEDICAL...): health and family matters, whatever their confidential flag, which only decides
 * what families see here. They stay in attendance; consumers get {@code justified}/{@code accepted}.
 */
@ApplicationScoped
public class AttendanceEvents {

    /** Where an entry was taken: the class or group and the timetable lesson, when known. */
    public record Context(UUID classId, UUID lessonId) {
        public static final Context NONE = new Context(null, null);
    }

    private final Outbox outbox;
    private final ZoneId zone;

    public AttendanceEvents(Outbox outbox, fr.ent.web.clock.SchoolClock clock) {
        this.outbox = outbox;
        this.zone = clock.zone();
    }

    /** The events of entries recorded together (a roll call's absences): one insert into the outbox. */
    public void recorded(List<AttendanceEntry> entries, Context at) {
        outbox.publishAll(entries.stream().map(e -> pending(recordedPayload(e, at), e)).toList());
    }

    private Object recordedPayload(AttendanceEntry e, Context at) {
        return switch (e.kind()) {
            case ABSENCE -> new AbsenceRecorded(e.id(), e.pupilId(), e.schoolId(), at.classId(), e.startsAt(), e.endsAt(),
                    at.lessonId(), e.status() == EntryStatus.JUSTIFIED);
            case LATENESS -> new LatenessRecorded(e.id(), e.pupilId(), e.schoolId(), at.classId(),
                    e.startsAt().atZoneSameInstant(zone).toLocalDate(), e.lateMinutes() == null ? 0 : e.lateMinutes(),
                    at.lessonId());
            case EARLY_DEPARTURE -> new EarlyDepartureRecorded(e.id(), e.pupilId(), e.schoolId(), at.classId(),
                    e.startsAt(), at.lessonId());
        };
    }

    /**
     * A decision on a justification (or staff setting a justifying reason): accepted or refused.
     * The reason stays here (see the class comment).
     */
    public void justified(AttendanceEntry e, UUID reasonId, boolean accepted) {
        publish(new AbsenceJustified(e.id(), e.pupilId(), e.schoolId(), accepted), e);
    }

    public void cancelled(AttendanceEntry e) {
        publish(new AbsenceCancelled(e.id(), e.pupilId(), e.schoolId()), e);
    }

    public void thresholdReached(UUID pupilId, UUID schoolId, YearMonth month, int halfDays) {
        outbox.publish(new AbsenceThresholdReached(pupilId, schoolId, month.toString(), halfDays),
                pupilId.toString(), pupilId.toString(), schoolId);
    }

    private void publish(Object payload, AttendanceEntry e) {
        outbox.publishAll(List.of(pending(payload, e)));
    }

    private static Outbox.Pending pending(Object payload, AttendanceEntry e) {
        return new Outbox.Pending(payload, e.pupilId().toString(), e.id().toString(), e.schoolId());
    }
}
