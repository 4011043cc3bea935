package fr.ent.notification.recipients;

import fr.ent.notification.notice.NotificationType;

import static fr.ent.notification.notice.Mode.IMMEDIATE;
import static fr.ent.notification.notice.Mode.OFF;

/**
 * The kinds of notification families and staff can tune, with their defaults. Web push (on the
 * devices a person turned it on for) is on by default only for what changes a child's day now: an
 * absence, an early departure, a timetable change, a teacher's absence.
 */
public final class Types {

    /** An absence: in the inbox and by e-mail, at once. */
    public static final NotificationType ABSENCE = new NotificationType("absence", "Absences", IMMEDIATE, IMMEDIATE, IMMEDIATE);
    public static final NotificationType LATENESS = new NotificationType("lateness", "Retards", IMMEDIATE, OFF);
    public static final NotificationType EARLY_DEPARTURE =
            new NotificationType("early-departure", "Départs anticipés", IMMEDIATE, IMMEDIATE, IMMEDIATE);
    public static final NotificationType JUSTIFICATION =
            new NotificationType("justification", "Justificatifs d'absence", IMMEDIATE, OFF);
    public static final NotificationType ABSENCE_THRESHOLD =
            new NotificationType("absence-threshold", "Seuil d'absences non justifiées", IMMEDIATE, IMMEDIATE);
    /** A lesson of the next 7 days cancelled, moved, in another room, with a substitute, added: in the inbox and by e-mail. */
    public static final NotificationType TIMETABLE_CHANGE =
            new NotificationType("timetable-change", "Changements d'emploi du temps", IMMEDIATE, IMMEDIATE, IMMEDIATE);
    /** A teacher's absence confirmed: one notice per child and per day, in the inbox and by e-mail. */
    public static final NotificationType TEACHER_ABSENCE =
            new NotificationType("teacher-absence", "Absences d'enseignants", IMMEDIATE, IMMEDIATE, IMMEDIATE);
    /** A mark: in the inbox only. */
    public static final NotificationType GRADE = new NotificationType("grade", "Notes", IMMEDIATE, OFF);

    /** Work to do set for a pupil: in the inbox; guardians change it in their preferences. */
    public static final NotificationType HOMEWORK = new NotificationType("homework", "Travail à faire", IMMEDIATE, OFF);
    /** The day before work is due, to the pupil who has not ticked it done: in the inbox. */
    public static final NotificationType HOMEWORK_REMINDER =
            new NotificationType("homework-reminder", "Rappels de travail à faire", IMMEDIATE, OFF);
    /** A pupil's hand-in received, to the teacher: in the inbox. */
    public static final NotificationType HAND_IN = new NotificationType("hand-in", "Travaux rendus", IMMEDIATE, OFF);
    /** A teacher's feedback on a hand-in, to the pupil: in the inbox. */
    public static final NotificationType HOMEWORK_FEEDBACK =
            new NotificationType("homework-feedback", "Corrections de travaux rendus", IMMEDIATE, OFF);

    private Types() {
    }
}
