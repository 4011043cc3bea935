package fr.ent.timetable.week;

import fr.ent.timetable.lesson.Occurrence;

import java.time.LocalDate;
import java.util.List;

/** A week (Monday to Sunday) of someone's or something's lessons, as they really happen, in time order. */
public record WeekView(String week, LocalDate from, LocalDate to, List<Occurrence> occurrences) {
}
