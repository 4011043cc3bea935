package fr.ent.events.contract.identity;

/**
 * A person's role in the directory (the Keycloak realm role of the same name, lower-cased).
 * {@code INSPECTOR}: an inspector (IA-IPR) of the rectorat, assigned to the schools of
 * {@code schoolIds}; each service decides what, if anything, they read there.
 */
public enum PersonRole {
    PUPIL, PARENT, TEACHER, STAFF, ADMIN, INSPECTOR
}
