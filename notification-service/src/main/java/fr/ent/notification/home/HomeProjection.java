package fr.ent.notification.home;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.attendance.AbsenceCancelled;
import fr.ent.events.contract.attendance.AbsenceJustified;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.events.contract.attendance.LatenessRecorded;
import fr.ent.events.contract.grades.MarkChanged;
import fr.ent.events.contract.grades.MarksPublished;
import fr.ent.events.contract.homework.WorkDueReminder;
import fr.ent.events.contract.homework.WorkSet;
import fr.ent.events.contract.messaging.BroadcastToAcknowledge;
import fr.ent.events.contract.messaging.MessageReceived;
import fr.ent.events.contract.messaging.MessageRecalled;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the home's read model (the {@code home_*} tables) from the events notification-service
 * consumes anyway: work set and done, marks published and changed (with their visibility times),
 * absences and lateness still to justify, messages and broadcasts received. Runs in the consumer's
 * transaction, after the fan-out, so the event id is remembered with its effect; every write is an
 * upsert or a keyed insert, so replaying an event (or a whole topic) gives the same tables. Event
 * types it does not show are ignored here (the fan-out decides whether they are poison).
 */
@ApplicationScoped
public class HomeProjection {

    private final Jdbc jdbc;
    private final Clock clock;

    HomeProjection(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<IncomingEvent> events) {
        events.forEach(this::apply);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        switch (event.type()) {
            case WorkSet.TYPE -> workSet(event.data(WorkSet.class), event);
            case WorkDueReminder.TYPE -> reminder(event.data(WorkDueReminder.class), event);
            case MarksPublished.TYPE -> marksPublished(event.data(MarksPublished.class), event);
            case MarkChanged.TYPE -> markChanged(event.data(MarkChanged.class), event);
            case AbsenceRecorded.TYPE -> absence(event.data(AbsenceRecorded.class), event);
            case LatenessRecorded.TYPE -> lateness(event.data(LatenessRecorded.class), event);
            case AbsenceJustified.TYPE -> {
                AbsenceJustified j = event.data(AbsenceJustified.class);
                if (j.accepted()) {
                    settle(required(j.absenceId(), "absenceId"), j.pupilId(), school(j.schoolId(), event), when(event));
                }
            }
            case AbsenceCancelled.TYPE -> {
                AbsenceCancelled c = event.data(AbsenceCancelled.class);
                settle(required(c.absenceId(), "absenceId"), c.pupilId(), school(c.schoolId(), event), when(event));
            }
            case MessageReceived.TYPE -> {
                MessageReceived m = event.data(MessageReceived.class);
                message(event, required(m.recipientId(), "recipientId"), school(m.schoolId(), event), "MESSAGE",
                        required(m.messageId(), "messageId"), m.sentAt() == null ? when(event) : m.sentAt().toInstant());
            }
            case BroadcastToAcknowledge.TYPE -> {
                BroadcastToAcknowledge b = event.data(BroadcastToAcknowledge.class);
                message(event, required(b.guardianId(), "guardianId"), school(b.schoolId(), event), "BROADCAST",
                        required(b.broadcastId(), "broadcastId"), b.sentAt() == null ? when(event) : b.sentAt().toInstant());
            }
            case MessageRecalled.TYPE -> {
                // a recalled message leaves the recipient's home as its notice leaves the inbox
                MessageRecalled r = event.data(MessageRecalled.class);
                jdbc.update("delete from home_message where recipient_id = ? and kind = 'MESSAGE' and item_id = ?",
                        required(r.recipientId(), "recipientId"), required(r.messageId(), "messageId"));
            }
            default -> {
                // not on the home
            }
        }
    }

    private void workSet(WorkSet w, IncomingEvent event) {
        if (w.pupilIds() == null || w.pupilIds().isEmpty()) {
            return;
        }
        Instant visibleFrom = w.visibleFrom() == null ? when(event) : w.visibleFrom().toInstant();
        // A work set again (edited, moved) keeps each pupil's done flag.
        jdbc.update("""
                insert into home_work (work_id, pupil_id, school_id, subject, kind, due_on, visible_from)
                select ?, p, ?, ?, ?, ?, ? from unnest(?) p
                on conflict (work_id, pupil_id) do update set school_id = excluded.school_id, subject = excluded.subject,
                    kind = excluded.kind, due_on = excluded.due_on, visible_from = excluded.visible_from""",
                required(w.workId(), "workId"), school(w.schoolId(), event), text(w.subject()), text(w.kind()),
                required(w.dueOn(), "dueOn"), visibleFrom, new Jdbc.UuidArray(w.pupilIds()));
        // Pupils taken off the work (its pupils chosen again) no longer see it.
        jdbc.update("delete from home_work where work_id = ? and not (pupil_id = any(?))",
                w.workId(), new Jdbc.UuidArray(w.pupilIds()));
    }

    /** Sent the day before: the pupils it names have not ticked the work done; the others have. */
    private void reminder(WorkDueReminder r, IncomingEvent event) {
        List<UUID> notDone = r.pupilIds() == null ? List.of() : r.pupilIds();
        jdbc.update("update home_work set done = not (pupil_id = any(?)) where work_id = ?",
                new Jdbc.UuidArray(notDone), required(r.workId(), "workId"));
        // A work whose WorkSet this service never saw still shows, from the reminder (visible: it is due tomorrow).
        jdbc.update("""
                insert into home_work (work_id, pupil_id, school_id, subject, kind, due_on, visible_from)
                select ?, p, ?, ?, ?, ?, ? from unnest(?) p on conflict (work_id, pupil_id) do nothing""",
                r.workId(), school(r.schoolId(), event), text(r.subject()), text(r.kind()), required(r.dueOn(), "dueOn"),
                when(event), new Jdbc.UuidArray(notDone));
    }

    private void marksPublished(MarksPublished m, IncomingEvent event) {
        if (m.pupilIds() == null || m.pupilIds().isEmpty()) {
            return;
        }
        Instant at = m.publishedAt() == null ? when(event) : m.publishedAt().toInstant();
        jdbc.update("""
                insert into home_mark (assessment_id, pupil_id, school_id, subject, held_on, changed, occurred_at,
                                       pupils_visible_at, guardians_visible_at, title)
                select ?, p, ?, ?, ?, false, ?, ?, ?, ? from unnest(?) p
                on conflict (assessment_id, pupil_id) do update set subject = excluded.subject, held_on = excluded.held_on,
                    pupils_visible_at = excluded.pupils_visible_at, guardians_visible_at = excluded.guardians_visible_at,
                    title = coalesce(excluded.title, home_mark.title)""",
                required(m.assessmentId(), "assessmentId"), school(m.schoolId(), event), text(m.subject()), m.heldOn(), at,
                visible(m.pupilsVisibleAt(), "pupilsVisibleAt"), visible(m.guardiansVisibleAt(), "guardiansVisibleAt"),
                m.title(), new Jdbc.UuidArray(m.pupilIds()));
    }

    private void markChanged(MarkChanged m, IncomingEvent event) {
        Instant at = m.changedAt() == null ? when(event) : m.changedAt().toInstant();
        // Keeps the assessment's day from its MarksPublished; a change seen twice (replay) stays one row.
        jdbc.update("""
                insert into home_mark (assessment_id, pupil_id, school_id, subject, held_on, changed, occurred_at,
                                       pupils_visible_at, guardians_visible_at, title)
                values (?, ?, ?, ?, null, true, ?, ?, ?, ?)
                on conflict (assessment_id, pupil_id) do update set changed = true,
                    occurred_at = greatest(home_mark.occurred_at, excluded.occurred_at),
                    pupils_visible_at = excluded.pupils_visible_at, guardians_visible_at = excluded.guardians_visible_at,
                    title = coalesce(excluded.title, home_mark.title)""",
                required(m.assessmentId(), "assessmentId"), required(m.pupilId(), "pupilId"), school(m.schoolId(), event),
                text(m.subject()), at, visible(m.pupilsVisibleAt(), "pupilsVisibleAt"),
                visible(m.guardiansVisibleAt(), "guardiansVisibleAt"), m.title());
    }

    private void absence(AbsenceRecorded a, IncomingEvent event) {
        if (a.justified()) {
            return;
        }
        jdbc.update("""
                insert into home_absence (entry_id, pupil_id, school_id, kind, starts_at, ends_at)
                values (?, ?, ?, 'ABSENCE', ?, ?) on conflict (entry_id) do nothing""",
                required(a.absenceId(), "absenceId"), required(a.pupilId(), "pupilId"), school(a.schoolId(), event),
                required(a.start(), "start").toInstant(), a.end() == null ? null : a.end().toInstant());
    }

    private void lateness(LatenessRecorded l, IncomingEvent event) {
        // The event has the day only: the lateness is shown on that day.
        Instant day = required(l.date(), "date").atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant();
        jdbc.update("""
                insert into home_absence (entry_id, pupil_id, school_id, kind, starts_at, late_minutes)
                values (?, ?, ?, 'LATENESS', ?, ?) on conflict (entry_id) do nothing""",
                required(l.latenessId(), "latenessId"), required(l.pupilId(), "pupilId"), school(l.schoolId(), event),
                day, l.minutes());
    }

    /**
     * Justified (accepted) or cancelled: settled, and kept as a tombstone (dated by the event when the
     * absence was never seen) so that the entry never comes back.
     */
    private void settle(UUID entryId, UUID pupilId, UUID schoolId, Instant at) {
        jdbc.update("""
                insert into home_absence (entry_id, pupil_id, school_id, kind, starts_at, settled)
                values (?, ?, ?, 'ABSENCE', ?, true) on conflict (entry_id) do update set settled = true""",
                entryId, required(pupilId, "pupilId"), schoolId, at);
    }

    private void message(IncomingEvent event, UUID recipient, UUID school, String kind, UUID item, Instant sentAt) {
        jdbc.update("""
                insert into home_message (event_id, recipient_id, school_id, kind, item_id, sent_at)
                values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                event.id(), recipient, school, kind, item, sentAt);
    }

    private static UUID school(UUID fromPayload, IncomingEvent event) {
        return required(fromPayload != null ? fromPayload : event.schoolId(), "schoolId");
    }

    private static Instant visible(java.time.OffsetDateTime at, String field) {
        return required(at, field).toInstant();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new PoisonEventException("payload without " + field);
        }
        return value;
    }

    /** The event's time; the platform clock's now for an event without one. */
    private Instant when(IncomingEvent event) {
        return event.time() == null ? clock.instant() : event.time().toInstant();
    }
}
