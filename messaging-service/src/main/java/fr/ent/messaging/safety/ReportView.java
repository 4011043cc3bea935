package fr.ent.messaging.safety;

import fr.ent.messaging.message.Views.MessageView;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A report as staff see it: with the message reported (and only that one). */
public record ReportView(UUID id, UUID schoolId, UUID reporterId, String reporterName, ReportInput.Reason reason,
                         OffsetDateTime reportedAt, String status, MessageView message) {
}
