package fr.ent.attendance.reason;

import java.util.UUID;

/** Why a pupil was absent or late, as a school defines it. */
public record Reason(UUID id, UUID schoolId, String code, String label, boolean justifying, boolean confidential,
                     boolean active) {
}
