package fr.ent.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the trail: ids and the action, never the data read or changed.
 *
 * @param actorPersonId the person of the token (null for a service account or outside a request)
 * @param actorClient   a service account's client id (null for a person)
 * @param requestId     the gateway's {@code X-Request-Id} (null outside a request)
 * @param occurredAt    in the schools' time zone
 */
public record AuditEntry(UUID id, UUID schoolId, UUID pupilId, UUID actorPersonId, String actorClient,
                         List<String> actorRoles, String action, UUID targetId, String requestId,
                         OffsetDateTime occurredAt) {
}
