package fr.ent.events.contract.attendance;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.util.UUID;

/**
 * A pupil reached the threshold of unjustified absences in a month (4 half-days).
 *
 * @param month               the calendar month, {@code YYYY-MM}
 * @param unjustifiedHalfDays unjustified half-days counted in that month when the threshold was reached
 */
@EventContract(type = AbsenceThresholdReached.TYPE, topic = Topics.ATTENDANCE)
public record AbsenceThresholdReached(UUID pupilId, UUID schoolId, String month, int unjustifiedHalfDays) {

    public static final String TYPE = "fr.ent.attendance.absence-threshold-reached.v1";
}
