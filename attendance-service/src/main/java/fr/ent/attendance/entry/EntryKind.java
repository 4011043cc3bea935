package fr.ent.attendance.entry;

/** What happened on a pupil's record. */
public enum EntryKind { ABSENCE, LATENESS, EARLY_DEPARTURE }
