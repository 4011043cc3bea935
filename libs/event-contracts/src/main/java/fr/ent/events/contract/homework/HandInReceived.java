package fr.ent.events.contract.homework;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A pupil handed in (or replaced) their work; {@code late} when after the due time. */
@EventContract(type = HandInReceived.TYPE, topic = Topics.HOMEWORK)
public record HandInReceived(UUID workId, UUID schoolId, UUID pupilId, UUID teacherId, String subject,
                             OffsetDateTime handedInAt, boolean late, int fileCount) {

    public static final String TYPE = "fr.ent.homework.hand-in-received.v1";
}
