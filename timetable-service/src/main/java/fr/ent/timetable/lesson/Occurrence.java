package fr.ent.timetable.lesson;

import fr.ent.timetable.calendar.YearCalendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One occurrence of a lesson, as it really happens. {@code id} is stable: the lesson's id and the
 * planned date ({@code <lesson id>_<yyyy-mm-dd>}). {@code state} is the main news (cancelled first,
 * then added, moved, substitute, room changed); {@code changes} lists every change, and
 * {@code planned} says what it was before (absent when nothing changed). {@code remoteLink}, the
 * video-class link, is filled in only for those who may see it (see {@code remote.RemoteLinks}).
 * A lesson over several slots is one occurrence from {@code slot} to {@code endSlot} (null: one
 * slot): {@code startsAt} the first's start, {@code endsAt} the last's end.
 */
public record Occurrence(String id, UUID lessonId, UUID schoolId, String subject, LocalDate date, String slot,
                         String endSlot, LocalTime startsAt, LocalTime endsAt, UUID roomId, List<UUID> teacherIds,
                         List<UUID> classIds, List<UUID> groupIds, OccurrenceState state, List<OccurrenceState> changes,
                         Planned planned, String remoteLink) {

    /** The occurrence as planned. */
    public record Planned(LocalDate date, String slot, String endSlot, LocalTime startsAt, LocalTime endsAt, UUID roomId,
                          List<UUID> teacherIds) {
    }

    public static String id(UUID lessonId, LocalDate plannedDate) {
        return lessonId + "_" + plannedDate;
    }

    /** The same occurrence showing its video-class link. */
    public Occurrence withRemoteLink(String link) {
        return new Occurrence(id, lessonId, schoolId, subject, date, slot, endSlot, startsAt, endsAt, roomId, teacherIds,
                classIds, groupIds, state, changes, planned, link);
    }

    /** Whether the person teaches this occurrence, or was to (a substitute and the teacher replaced). */
    public boolean taughtBy(UUID teacherId) {
        return teacherIds.contains(teacherId) || (planned != null && planned.teacherIds().contains(teacherId));
    }

    public boolean cancelled() {
        return state == OccurrenceState.CANCELLED;
    }

    public LocalDate plannedDate() {
        return planned == null ? date : planned.date();
    }

    /** Whether the two take place on the same day at overlapping times. */
    public boolean overlaps(LocalDate day, LocalTime start, LocalTime end) {
        return date.equals(day) && startsAt.isBefore(end) && start.isBefore(endsAt);
    }

    /** The occurrence of that lesson planned that day, with its changes applied. */
    public static Occurrence of(LessonView lesson, LocalDate plannedDate, YearCalendar calendar, Changes c) {
        YearCalendar.Slot plannedSlot = slot(calendar, lesson.slot());
        YearCalendar.Slot plannedEnd = lesson.endSlot() == null ? plannedSlot : slot(calendar, lesson.endSlot());
        List<OccurrenceState> changes = new ArrayList<>();
        if (c.cancelled()) {
            changes.add(OccurrenceState.CANCELLED);
        }
        boolean moved = (c.movedTo() != null && !c.movedTo().equals(plannedDate))
                || (c.movedSlot() != null && !(c.movedSlot().equals(lesson.slot())
                && Objects.equals(c.movedEndSlot(), lesson.endSlot())));
        if (moved) {
            changes.add(OccurrenceState.MOVED);
        }
        boolean substitute = c.substituteId() != null && !List.of(c.substituteId()).equals(lesson.teacherIds());
        if (substitute) {
            changes.add(OccurrenceState.SUBSTITUTE);
        }
        boolean roomChanged = c.roomId() != null && !c.roomId().equals(lesson.roomId());
        if (roomChanged) {
            changes.add(OccurrenceState.ROOM_CHANGED);
        }
        OccurrenceState state = c.cancelled() ? OccurrenceState.CANCELLED
                : lesson.exceptional() ? OccurrenceState.ADDED
                : changes.isEmpty() ? OccurrenceState.PLANNED : changes.get(0);
        YearCalendar.Slot slot = c.movedSlot() == null ? plannedSlot : slot(calendar, c.movedSlot());
        YearCalendar.Slot end = c.movedSlot() == null ? plannedEnd
                : c.movedEndSlot() == null ? slot : slot(calendar, c.movedEndSlot());
        Planned planned = changes.isEmpty() ? null : new Planned(plannedDate, plannedSlot.code(), lesson.endSlot(),
                plannedSlot.startsAt(), plannedEnd.endsAt(), lesson.roomId(), lesson.teacherIds());
        return new Occurrence(id(lesson.id(), plannedDate), lesson.id(), lesson.schoolId(), lesson.subject(),
                c.movedTo() == null ? plannedDate : c.movedTo(), slot.code(), end.code().equals(slot.code()) ? null : end.code(),
                slot.startsAt(), end.endsAt(), c.roomId() == null ? lesson.roomId() : c.roomId(),
                c.substituteId() == null ? lesson.teacherIds() : List.of(c.substituteId()),
                lesson.classIds(), lesson.groupIds(), state, List.copyOf(changes), planned, null);
    }

    private static YearCalendar.Slot slot(YearCalendar calendar, String code) {
        return calendar.slot(code).orElseThrow(() -> new IllegalStateException("no slot " + code + " in the school's calendar"));
    }
}
