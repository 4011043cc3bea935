package fr.ent.events.contract.attendance;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.util.UUID;

/** A pupil arrived late to a lesson. */
@EventContract(type = LatenessRecorded.TYPE, topic = Topics.ATTENDANCE)
public record LatenessRecorded(UUID latenessId, UUID pupilId, UUID schoolId, UUID classId,
                               LocalDate date, int minutes, UUID lessonId) {

    public static final String TYPE = "fr.ent.attendance.lateness-recorded.v1";
}
