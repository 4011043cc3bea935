package fr.ent.attendance.justification;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A guardian's justification of an entry, waiting for the CPE's decision or decided. */
public record Justification(UUID id, UUID entryId, UUID pupilId, UUID schoolId, UUID submittedBy,
                            OffsetDateTime submittedAt, UUID reasonId, String comment, String attachmentType,
                            String attachmentName, Integer attachmentSize, String status, UUID decidedBy,
                            OffsetDateTime decidedAt) {
}
