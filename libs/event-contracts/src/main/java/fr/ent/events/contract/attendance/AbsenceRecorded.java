package fr.ent.events.contract.attendance;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pupil was recorded absent (at a roll call or by the vie scolaire).
 *
 * @param classId    the pupil's class, if known
 * @param lessonId   the lesson of the roll call, if the absence comes from one
 * @param justified  whether the absence is already justified when recorded
 *
 * <p>No reason: a school's reason codes say why a pupil was away (MALADIE, RDV_MEDICAL...), health
 * and family matters that never leave attendance-service. {@code justified} is what consumers need.
 */
@EventContract(type = AbsenceRecorded.TYPE, topic = Topics.ATTENDANCE)
public record AbsenceRecorded(UUID absenceId, UUID pupilId, UUID schoolId, UUID classId,
                              OffsetDateTime start, OffsetDateTime end, UUID lessonId,
                              boolean justified) {

    public static final String TYPE = "fr.ent.attendance.absence-recorded.v1";
}
