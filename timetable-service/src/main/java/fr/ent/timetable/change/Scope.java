package fr.ent.timetable.change;

/** Which occurrences a change applies to: that one, or that one and every later one of the lesson. */
public enum Scope {
    THIS, FOLLOWING
}
