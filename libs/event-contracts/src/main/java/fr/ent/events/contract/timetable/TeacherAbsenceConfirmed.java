package fr.ent.events.contract.timetable;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Staff of a school confirmed a teacher's absence: every occurrence of that teacher in the period,
 * in that school, was cancelled or given a substitute (each also announced as a {@link LessonChanged}
 * carrying the same {@code absenceId}). Ids and facts only: the absence has no reason, none is sent.
 *
 * @param absenceId   the absence (one per school)
 * @param teacherId   the absent teacher
 * @param from        the start of the absence (offset of Europe/Paris)
 * @param to          its end
 * @param occurrences the occurrences concerned, in time order (may be empty)
 */
@EventContract(type = TeacherAbsenceConfirmed.TYPE, topic = Topics.TIMETABLE)
public record TeacherAbsenceConfirmed(UUID absenceId, UUID schoolId, UUID teacherId, OffsetDateTime from,
                                      OffsetDateTime to, List<Occurrence> occurrences) {

    public static final String TYPE = "fr.ent.timetable.teacher-absence-confirmed.v1";

    public enum Outcome { CANCELLED, SUBSTITUTE }

    /** What became of one occurrence: CANCELLED, or SUBSTITUTE with the substitute's id. */
    public record Occurrence(String occurrenceId, UUID lessonId, LocalDate date, LocalTime startsAt, LocalTime endsAt,
                             String subject, List<UUID> classIds, List<UUID> groupIds, Outcome outcome,
                             UUID substituteTeacherId) {
    }
}
