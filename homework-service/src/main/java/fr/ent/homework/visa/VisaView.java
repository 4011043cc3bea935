package fr.ent.homework.visa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A visa of the history. {@code stampedByName} and {@code stampedByRole} (STAFF, INSPECTOR) come
 * from the directory; both are null for the platform admin, who has no person record.
 */
public record VisaView(UUID id, UUID schoolId, UUID classGroupId, UUID teacherId, LocalDate stampedOn, String comment,
                       UUID stampedBy, String stampedByName, String stampedByRole, Instant stampedAt) {
}
