package fr.ent.attendance.absence;

/** What happened on a pupil's record. */
public enum EntryKind { ABSENCE, LATENESS, EARLY_DEPARTURE }
