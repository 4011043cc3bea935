package fr.ent.timetable.calendar;

/** The school holiday zones of metropolitan France. A school's zone is set once. */
public enum Zone {
    A, B, C
}
