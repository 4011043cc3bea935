package fr.ent.events.contract.identity;

import fr.ent.events.EventContract;

import java.util.UUID;

/**
 * A class (division) or a group of a school was created or changed; carries its whole state.
 * Key and subject: {@code classGroupId}.
 *
 * @param classGroupId the class or group
 * @param schoolId     its school
 * @param name         its name in the school (e.g. {@code 4e B}, {@code Latin 3e})
 * @param level        the level code (e.g. {@code 6EME}, {@code 4EME}, {@code 2NDE}, {@code TERMINALE})
 * @param kind         class or group
 * @param schoolYear   the school year it belongs to, as {@code 2026-2027}
 * @param version      strictly increasing per class or group
 */
@EventContract(type = "fr.ent.identity.class-group-upserted.v1", topic = IdentityEvent.TOPIC)
public record ClassGroupUpserted(UUID classGroupId, UUID schoolId, String name, String level, GroupKind kind,
                                 String schoolYear, long version) implements IdentityEvent {
    @Override public UUID aggregateId() { return classGroupId; }
}
