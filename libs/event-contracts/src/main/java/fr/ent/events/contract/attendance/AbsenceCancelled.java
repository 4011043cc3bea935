package fr.ent.events.contract.attendance;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.util.UUID;

/** An absence recorded by mistake was cancelled: consumers forget it. */
@EventContract(type = AbsenceCancelled.TYPE, topic = Topics.ATTENDANCE)
public record AbsenceCancelled(UUID absenceId, UUID pupilId, UUID schoolId) {

    public static final String TYPE = "fr.ent.attendance.absence-cancelled.v1";
}
