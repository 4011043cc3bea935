package fr.ent.messaging.message;

import java.util.UUID;

/**
 * One addressee as the writer gave it: a person ({@code personId}), or a group of the school
 * ({@code group}: the parents, teachers or pupils of {@code classGroupId}, or the school's staff).
 */
public record Addressee(UUID personId, Group group, UUID classGroupId) {

    public enum Group {
        /** The guardians receiving communications of the pupils of a class or group ("parents de 4A"). */
        PARENTS,
        /** The teachers of a class or group ("enseignants de 4A"). */
        TEACHERS,
        /** The pupils of a class or group. */
        PUPILS,
        /** The staff of the school ("vie scolaire et direction"). */
        STAFF
    }
}
