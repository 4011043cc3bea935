package fr.ent.timetable.lesson;

/** How an occurrence stands against the plan; also the kinds of change listed in {@link Occurrence#changes}. */
public enum OccurrenceState {
    PLANNED, CANCELLED, MOVED, ROOM_CHANGED, SUBSTITUTE, ADDED
}
