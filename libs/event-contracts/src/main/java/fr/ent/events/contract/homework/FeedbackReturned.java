package fr.ent.events.contract.homework;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A teacher returned feedback on a pupil's hand-in. */
@EventContract(type = FeedbackReturned.TYPE, topic = Topics.HOMEWORK)
public record FeedbackReturned(UUID workId, UUID schoolId, UUID pupilId, UUID teacherId, String subject,
                               OffsetDateTime returnedAt) {

    public static final String TYPE = "fr.ent.homework.feedback-returned.v1";
}
