package fr.ent.attendance.entry;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;

/** An absence, a lateness or an early departure on a pupil's record. */
public record AttendanceEntry(UUID id, UUID schoolId, UUID pupilId, EntryKind kind, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, Integer lateMinutes, UUID reasonId, EntryStatus status,
                              EntryOrigin origin, UUID registerId, UUID collectiveId, String comment,
                              UUID recordedBy, OffsetDateTime recordedAt) {

    /** How many of these entries are of that kind. */
    public static int count(Collection<AttendanceEntry> entries, EntryKind kind) {
        return (int) entries.stream().filter(e -> e.kind() == kind).count();
    }

    public boolean counts() {
        return status == EntryStatus.UNJUSTIFIED;
    }

    public AttendanceEntry withStatus(EntryStatus newStatus, UUID newReason) {
        return new AttendanceEntry(id, schoolId, pupilId, kind, startsAt, endsAt, lateMinutes, newReason, newStatus,
                origin, registerId, collectiveId, comment, recordedBy, recordedAt);
    }

    /** The audit trail's code for a change of this entry: attendance.absence.recorded, attendance.lateness.cancelled... */
    public String auditAction(String verb) {
        return "attendance." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + verb;
    }
}
