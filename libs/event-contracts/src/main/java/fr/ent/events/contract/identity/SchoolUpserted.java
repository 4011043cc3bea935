package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A school was created or changed; carries its whole state.
 * Key and subject: {@code schoolId}.
 *
 * @param schoolId the school
 * @param uai      the national school id (UAI, 8 characters, e.g. {@code 0670001A})
 * @param name     official name
 * @param type     type code: {@code COLLEGE}, {@code LYCEE}, {@code LYCEE_PROFESSIONNEL}, {@code EREA}, ...
 * @param academy  academy code (e.g. {@code STRASBOURG})
 * @param timeZone IANA zone of the school (e.g. {@code Europe/Paris})
 * @param version  strictly increasing per school
 */
@EventContract(type = "fr.ent.identity.school-upserted.v1", topic = IdentityEvent.TOPIC)
public record SchoolUpserted(UUID schoolId, String uai, String name, String type, String academy,
                             String timeZone, long version) implements IdentityEvent {
    @Override public UUID aggregateId() { return schoolId; }
}
