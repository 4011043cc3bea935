package fr.ent.events.contract.timetable;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A lesson's whole current plan: published when it is created, and again whenever its planned
 * occurrences change (the school's calendar changed, the lesson was edited or ended). It replaces
 * every earlier one of the lesson; an occurrence no longer listed no longer takes place. The
 * changes of single occurrences are {@link LessonChanged}'s.
 *
 * @param version     increases with each publication of the lesson's plan: consumers ignore one
 *                    older than the last they applied
 * @param occurrences the occurrences as planned over the school year, changes not applied
 */
@EventContract(type = LessonScheduled.TYPE, topic = Topics.TIMETABLE)
public record LessonScheduled(UUID lessonId, UUID schoolId, String subject, List<UUID> classIds, List<UUID> groupIds,
                              List<UUID> teacherIds, UUID roomId, long version, List<PlannedOccurrence> occurrences) {

    public static final String TYPE = "fr.ent.timetable.lesson-scheduled.v1";

    /**
     * One occurrence as planned.
     *
     * @param occurrenceId the occurrence's stable id: {@code <lessonId>_<date>}
     */
    public record PlannedOccurrence(String occurrenceId, LocalDate date, LocalTime startsAt, LocalTime endsAt) {
    }
}
