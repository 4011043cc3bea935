package fr.ent.attendance.register;

public enum MarkStatus { PRESENT, ABSENT, LATE, LEFT_EARLY }
