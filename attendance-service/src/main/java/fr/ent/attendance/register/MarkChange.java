package fr.ent.attendance.register;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One earlier value of a mark, with who replaced it and when. */
public record MarkChange(MarkStatus status, Integer lateMinutes, LocalTime leftAt, UUID markedBy,
                         OffsetDateTime markedAt, UUID replacedBy, OffsetDateTime replacedAt) {
}
