package fr.ent.events.contract.timetable;

/**
 * What happened to a lesson's occurrence. {@code RESTORED}: a cancellation undone, the occurrence
 * takes place again (as it was before being cancelled, other changes kept).
 */
public enum LessonChangeKind {
    CANCELLED, MOVED, ROOM_CHANGED, SUBSTITUTE, ADDED, RESTORED
}
