package fr.ent.messaging.broadcast;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A broadcast as staff follow it: how many families acknowledged, and who has and has not. */
public record BroadcastView(UUID id, UUID schoolId, String subject, OffsetDateTime sentAt, int families, int acknowledged,
                            int notAcknowledged, List<Family> acknowledgedBy, List<Family> waitingFor) {

    public record Family(UUID guardianId, String name, OffsetDateTime acknowledgedAt, OffsetDateTime remindedAt) {
    }
}
