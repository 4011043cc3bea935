package fr.ent.attendance.register;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A lesson occurrence (from timetable-service) and its registers: one per class or group of it,
 * {@code registerId} and {@code status} null where none was opened. A cancelled lesson needs no
 * register; {@code missingGroupIds} are the classes and groups whose roll call is not taken.
 */
public record LessonRollCall(String occurrenceId, UUID lessonId, UUID schoolId, LocalDate date, LocalTime startsAt,
                             LocalTime endsAt, String subject, List<UUID> classIds, List<UUID> groupIds,
                             List<UUID> teacherIds, UUID roomId, boolean cancelled, boolean substitute, boolean moved,
                             boolean needsRegister, boolean registerTaken, List<GroupRegister> registers,
                             List<UUID> missingGroupIds) {

    public record GroupRegister(UUID groupId, UUID registerId, RegisterStatus status) {
    }
}
