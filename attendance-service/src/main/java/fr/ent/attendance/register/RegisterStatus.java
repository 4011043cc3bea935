package fr.ent.attendance.register;

/** OPEN: opened, marks not yet submitted. SUBMITTED: taken, marks may still be corrected. VALIDATED: locked by staff. */
public enum RegisterStatus { OPEN, SUBMITTED, VALIDATED }
