package fr.ent.attendance.entry;

/** Where an entry came from: a roll call, a staff member, a collective absence (school trip). */
public enum EntryOrigin { REGISTER, STAFF, COLLECTIVE }
