package fr.ent.events.contract.timetable;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * An occurrence of a lesson changed: cancelled, moved, given another room or a substitute teacher,
 * or added (an exceptional lesson). One event per occurrence, a change of a series included.
 *
 * @param occurrenceId     the occurrence's stable id: {@code <lessonId>_<plannedDate>}
 * @param plannedDate      the day it was planned on (for an added lesson, its day)
 * @param plannedStartsAt  the time it was planned at
 * @param date             the day it now takes place on (or would have, when cancelled)
 * @param startsAt         the time it now starts at
 * @param endsAt           the time it now ends at
 * @param subject          the subject taught, as the school names it (Mathématiques)
 * @param classIds         the classes concerned
 * @param groupIds         the groups concerned
 * @param teacherIds       who teaches it now (the substitute for a substitution)
 * @param previousTeacherIds who taught it before this change
 * @param roomId           the room it now takes place in, if any
 * @param previousRoomId   the room before this change, if any
 * @param absenceId        the teacher's absence whose confirmation made this change, if any (null for
 *                         a change made on its own); consumers that tell families per occurrence skip
 *                         these: {@link TeacherAbsenceConfirmed} sums them up. Added after v1 went out:
 *                         older payloads lack it, which reads as null.
 * @param roomName         the name of the room it now takes place in (B12), as the school names it, so
 *                         that families are told where to go; null without a room. Added after v1
 *                         went out: older payloads lack it, which reads as null.
 */
@EventContract(type = LessonChanged.TYPE, topic = Topics.TIMETABLE)
public record LessonChanged(String occurrenceId, UUID lessonId, UUID schoolId, LessonChangeKind kind,
                            LocalDate plannedDate, LocalTime plannedStartsAt, LocalDate date, LocalTime startsAt,
                            LocalTime endsAt, String subject, List<UUID> classIds, List<UUID> groupIds,
                            List<UUID> teacherIds, List<UUID> previousTeacherIds, UUID roomId, UUID previousRoomId,
                            UUID absenceId, String roomName) {

    public static final String TYPE = "fr.ent.timetable.lesson-changed.v1";
}
