package fr.ent.attendance.absence;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ent.attendance.entry.EntryKind;
import fr.ent.attendance.entry.EntryOrigin;
import fr.ent.attendance.entry.EntryStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An entry as a reader may see it. For families a confidential reason is left out (only the fact
 * that the absence is justified shows) and staff comments never appear.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntryView(UUID id, UUID pupilId, EntryKind kind, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        Integer lateMinutes, EntryStatus status, EntryOrigin origin, UUID registerId,
                        UUID collectiveId, ReasonView reason, String comment, String justification) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReasonView(UUID id, String code, String label, boolean justifying, Boolean confidential) {
    }
}
