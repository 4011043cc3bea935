package fr.ent.events.contract.attendance;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A pupil left school before the end of their lessons. */
@EventContract(type = EarlyDepartureRecorded.TYPE, topic = Topics.ATTENDANCE)
public record EarlyDepartureRecorded(UUID departureId, UUID pupilId, UUID schoolId, UUID classId,
                                     OffsetDateTime leftAt, UUID lessonId) {

    public static final String TYPE = "fr.ent.attendance.early-departure-recorded.v1";
}
