package fr.ent.events.contract.timetable;

/** What happened to a lesson's occurrence. */
public enum LessonChangeKind {
    CANCELLED, MOVED, ROOM_CHANGED, SUBSTITUTE, ADDED
}
