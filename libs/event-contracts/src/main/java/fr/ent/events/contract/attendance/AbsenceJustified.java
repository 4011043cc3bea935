package fr.ent.events.contract.attendance;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.util.UUID;

/**
 * The vie scolaire decided on a justification of an absence.
 *
 * @param accepted   true if the justification was accepted, false if refused
 * @param reasonCode the reason code retained, never a confidential reason; null if none
 */
@EventContract(type = AbsenceJustified.TYPE, topic = Topics.ATTENDANCE)
public record AbsenceJustified(UUID absenceId, UUID pupilId, UUID schoolId, boolean accepted, String reasonCode) {

    public static final String TYPE = "fr.ent.attendance.absence-justified.v1";
}
