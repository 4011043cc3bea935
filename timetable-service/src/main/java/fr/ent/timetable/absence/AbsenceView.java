package fr.ent.timetable.absence;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An absence as shown: {@code status} DECLARED or CONFIRMED; {@code from}/{@code to} in school time. */
public record AbsenceView(UUID id, UUID schoolId, UUID teacherId, LocalDateTime from, LocalDateTime to, String status,
                          OffsetDateTime declaredAt, OffsetDateTime confirmedAt) {
}
