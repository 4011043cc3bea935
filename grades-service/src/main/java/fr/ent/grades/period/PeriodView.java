package fr.ent.grades.period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A period; {@code classGroupId} null: the whole school's. {@code locked}: marks can no longer change. */
public record PeriodView(UUID id, UUID schoolId, UUID classGroupId, String schoolYear, String name, LocalDate startsOn,
                         LocalDate endsOn, LocalDate locksOn, boolean locked, Instant lockedAt) {
}
