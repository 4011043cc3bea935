package fr.ent.attendance.entry;

/** An entry counts against the pupil while UNJUSTIFIED; a cancelled one no longer exists for the counts. */
public enum EntryStatus { UNJUSTIFIED, JUSTIFIED, CANCELLED }
