package fr.ent.timetable.week;

import fr.ent.timetable.lesson.Occurrence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A week (Monday to Sunday) of someone's or something's lessons, as they really happen, in time
 * order; with the display names of the teachers (planned and substitutes), rooms and classes or
 * groups its occurrences name, by id.
 */
public record WeekView(String week, LocalDate from, LocalDate to, List<Occurrence> occurrences,
                       Map<UUID, String> teacherNames, Map<UUID, String> roomNames, Map<UUID, String> classNames) {
}
