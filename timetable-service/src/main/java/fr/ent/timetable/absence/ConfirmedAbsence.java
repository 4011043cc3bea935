package fr.ent.timetable.absence;

import fr.ent.timetable.lesson.Occurrence;

import java.util.List;

/** An absence confirmed, with its occurrences as they now are (cancelled or with a substitute). */
public record ConfirmedAbsence(AbsenceView absence, List<Occurrence> occurrences) {
}
