package fr.ent.timetable.events;

import fr.ent.events.Outbox;
import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.events.contract.timetable.LessonScheduled;
import fr.ent.timetable.lesson.Ids;
import fr.ent.timetable.lesson.Lesson;
import fr.ent.events.contract.timetable.TeacherAbsenceConfirmed;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.room.RoomRepository;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of timetable-service, written to the outbox in the caller's transaction: one per
 * occurrence changed, keyed by lesson (a lesson's changes keep their order), subject = the
 * occurrence's stable id. Ids and facts only.
 */
@ApplicationScoped
public class TimetableEvents {

    private final Outbox outbox;
    private final Jdbc jdbc;
    private final RoomRepository rooms;

    public TimetableEvents(Outbox outbox, Jdbc jdbc, RoomRepository rooms) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.rooms = rooms;
    }

    /**
     * The lesson's whole plan ({@code LessonScheduled}): call it in the transaction that creates the
     * lesson or changes its planned occurrences (an edit, an end, the school's calendar), with its
     * occurrences as planned ({@code Timetable.planned}). The version is the publishing PostgreSQL
     * transaction's id: it increases from one transaction to the next with no column to keep, and
     * two transactions that lock the lesson's row get versions in their commit order.
     */
    public void scheduled(Lesson lesson, List<Occurrence> planned) {
        long version = jdbc.one("select pg_current_xact_id()::text::bigint", rs -> rs.getLong(1)).orElseThrow();
        LessonScheduled payload = new LessonScheduled(lesson.id, lesson.schoolId, lesson.subject,
                Ids.sorted(lesson.classIds), Ids.sorted(lesson.groupIds), Ids.sorted(lesson.teacherIds), lesson.roomId,
                version, planned.stream().map(o -> new LessonScheduled.PlannedOccurrence(o.id(), o.plannedDate(),
                        o.planned() == null ? o.startsAt() : o.planned().startsAt(),
                        o.planned() == null ? o.endsAt() : o.planned().endsAt())).toList());
        outbox.publish(payload, lesson.id.toString(), lesson.id.toString(), lesson.schoolId);
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
        changed(kind, changes, null);
    }

    /** The same, made by confirming a teacher's absence ({@code absenceId}; null: a change on its own). */
    public void changed(LessonChangeKind kind, List<Change> changes, UUID absenceId) {
        Map<UUID, String> roomNames = new HashMap<>();
        outbox.publishAll(changes.stream().map(c -> {
            Occurrence after = c.after();
            String roomName = after.roomId() == null ? null
                    : roomNames.computeIfAbsent(after.roomId(), id -> rooms.findByIdOptional(id).map(r -> r.name).orElse(null));
            Occurrence before = c.before();
            LessonChanged payload = new LessonChanged(after.id(), after.lessonId(), after.schoolId(), kind,
                    after.plannedDate(), after.planned() == null ? after.startsAt() : after.planned().startsAt(),
                    after.date(), after.startsAt(), after.endsAt(), after.subject(), after.classIds(), after.groupIds(),
                    after.teacherIds(), before.teacherIds(), after.roomId(), before.roomId(), absenceId, roomName);
            return new Outbox.Pending(payload, after.lessonId().toString(), after.id(), after.schoolId());
        }).toList());
    }

    /** A teacher's absence confirmed in a school, with the occurrences it changed; keyed by teacher. */
    public void absenceConfirmed(UUID absenceId, UUID schoolId, UUID teacherId, OffsetDateTime from, OffsetDateTime to,
                                 List<Change> changes) {
        List<TeacherAbsenceConfirmed.Occurrence> occurrences = changes.stream().map(c -> {
            Occurrence o = c.after();
            return new TeacherAbsenceConfirmed.Occurrence(o.id(), o.lessonId(), o.date(), o.startsAt(), o.endsAt(),
                    o.subject(), o.classIds(), o.groupIds(),
                    o.cancelled() ? TeacherAbsenceConfirmed.Outcome.CANCELLED : TeacherAbsenceConfirmed.Outcome.SUBSTITUTE,
                    o.cancelled() ? null : o.teacherIds().get(0));
        }).toList();
        outbox.publish(new TeacherAbsenceConfirmed(absenceId, schoolId, teacherId, from, to, occurrences),
                teacherId.toString(), absenceId.toString(), schoolId);
    }
}
