package fr.ent.attendance.absence;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.UUID;

/** A whole class or group away (school trip, exam): one absence per pupil, sharing a collective id. */
public record RecordCollectiveAbsence(@NotNull UUID groupId,
                                      @NotNull LocalDateTime startsAt,
                                      @NotNull LocalDateTime endsAt,
                                      UUID reasonId,
                                      @Size(max = 500) String comment) {
}
