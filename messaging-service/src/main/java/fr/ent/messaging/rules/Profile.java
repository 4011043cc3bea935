package fr.ent.messaging.rules;

import fr.ent.events.contract.identity.PersonRole;

import java.util.Optional;

/**
 * Who writes or receives, as the rule table sees them. The head of a school (chef d'établissement)
 * is staff in the directory and follows the staff rows.
 */
public enum Profile {
    STAFF, TEACHER, GUARDIAN, PUPIL;

    /** The profile of a person of the directory; none for the platform admin nor an inspector (no row of the rule table). */
    public static Optional<Profile> of(PersonRole role) {
        return switch (role) {
            case STAFF -> Optional.of(STAFF);
            case TEACHER -> Optional.of(TEACHER);
            case PARENT -> Optional.of(GUARDIAN);
            case PUPIL -> Optional.of(PUPIL);
            case ADMIN, INSPECTOR -> Optional.empty();
        };
    }

    /** In French, for the refusals a family reads. */
    public String french() {
        return switch (this) {
            case STAFF -> "personnel de l'établissement";
            case TEACHER -> "enseignant";
            case GUARDIAN -> "responsable légal";
            case PUPIL -> "élève";
        };
    }
}
