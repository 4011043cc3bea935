package fr.ent.attendance.register;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A pupil's mark in a register; {@code entryId} is the absence/lateness/early departure it stands for. */
public record Mark(UUID registerId, UUID pupilId, MarkStatus status, Integer lateMinutes, LocalTime leftAt,
                   UUID entryId, UUID markedBy, OffsetDateTime markedAt) {

    public boolean sameAs(MarkInput in) {
        return status == in.status() && java.util.Objects.equals(lateMinutes, in.lateMinutes())
                && java.util.Objects.equals(leftAt, in.leftAt());
    }
}
