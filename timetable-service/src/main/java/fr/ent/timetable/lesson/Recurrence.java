package fr.ent.timetable.lesson;

/** How a lesson repeats: every week, on week A or week B only, or once. */
public enum Recurrence {
    WEEKLY, WEEK_A, WEEK_B, ONCE
}
