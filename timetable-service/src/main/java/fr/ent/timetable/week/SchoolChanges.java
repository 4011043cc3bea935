package fr.ent.timetable.week;

import fr.ent.timetable.lesson.Occurrence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A school's timetable changes between two days (both included): every occurrence cancelled, moved
 * (to or away from those days), given a substitute or another room, or added, in time order, with
 * the names its occurrences need, as in a {@link WeekView}.
 */
public record SchoolChanges(UUID schoolId, LocalDate from, LocalDate to, List<Occurrence> occurrences,
                            Map<UUID, String> teacherNames, Map<UUID, String> roomNames, Map<UUID, String> classNames) {
}
