package fr.ent.testkit;

import fr.ent.events.contract.identity.PersonRole;
import fr.ent.testservers.TestTokens;

import java.util.Locale;
import java.util.UUID;

/** A person of a {@link SchoolWorld}: who they are in the directory, and a token to act as them. */
public record Person(UUID id, PersonRole role, String firstName, String lastName, UUID schoolId) {

    /**
     * A bearer token as the realm issues it to this person: their role (lower-cased, the realm
     * role's name), their person id and their school. Call from a {@code @QuarkusTest} method.
     */
    public String token() {
        return TestTokens.person(id).roles(role.name().toLowerCase(Locale.ROOT)).schools(schoolId).sign();
    }
}
