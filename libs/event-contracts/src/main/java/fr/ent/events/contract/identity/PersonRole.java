package fr.ent.events.contract.identity;

/** A person's role in the directory (the Keycloak realm role of the same name, lower-cased). */
public enum PersonRole {
    PUPIL, PARENT, TEACHER, STAFF, ADMIN
}
