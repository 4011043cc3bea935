package fr.ent.events.contract.attendance;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.util.UUID;

/**
 * The vie scolaire decided on a justification of an absence.
 *
 * @param accepted true if the justification was accepted, false if refused
 *
 * <p>No reason: the reason retained (MALADIE, RDV_MEDICAL...) is a health or family matter that
 * never leaves attendance-service; families read it there.
 */
@EventContract(type = AbsenceJustified.TYPE, topic = Topics.ATTENDANCE)
public record AbsenceJustified(UUID absenceId, UUID pupilId, UUID schoolId, boolean accepted) {

    public static final String TYPE = "fr.ent.attendance.absence-justified.v1";
}
