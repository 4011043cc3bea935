package fr.ent.events.contract.messaging;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pupil or guardian reported a message to the school's staff, keyed by school id. Ids, the
 * reporter's profile and the time only: never the message, nor why it was reported.
 */
@EventContract(type = ReportMade.TYPE, topic = Topics.MESSAGING)
public record ReportMade(UUID reportId, UUID messageId, UUID schoolId, String reporterProfile, OffsetDateTime reportedAt) {

    public static final String TYPE = "fr.ent.messaging.report-made.v1";
}
