package fr.ent.web;

import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from the bearer token already verified by smallrye-jwt: the person
 * ({@code person_id}), the realm roles ({@code realm_access.roles}, exposed as groups) and the
 * schools ({@code school_ids}). Roles say what someone may do in general; relationships (is this
 * pupil their child, is this class theirs) are checked by the services.
 */
@RequestScoped
public class CurrentUser {

    public static final String PERSON_ID = "person_id";
    public static final String SCHOOL_IDS = "school_ids";

    public static final String PUPIL = "pupil";
    public static final String PARENT = "parent";
    public static final String TEACHER = "teacher";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";
    /**
     * An inspector (IA-IPR) of the rectorat over the schools of their token: no service grants them
     * anything it did not choose to (see libs/directory {@code Relationships.isInspectorOf}).
     */
    public static final String INSPECTOR = "inspector";
    public static final String SERVICE = "service";
    /** Realm role that lets a school integration make the changes its school's staff may make. */
    public static final String INTEGRATION_WRITE = "integration-write";

    private final JsonWebToken token;

    @Inject
    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    /** Whether the request carries a verified token. */
    public boolean isAuthenticated() {
        return token != null && token.getRawToken() != null;
    }

    /** Whether the token names a person (service accounts do not). */
    public boolean isPerson() {
        return claimText(PERSON_ID) != null;
    }

    /**
     * The person's id in identity-service.
     *
     * @throws fr.ent.web.problem.ProblemException 403 when the token names no person (a service account)
     */
    public UUID personId() {
        String value = claimText(PERSON_ID);
        if (value == null) {
            throw Problems.forbidden("This action needs a person's token.");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw Problems.forbidden("The token's person_id is not a UUID.");
        }
    }

    /**
     * Who acts, for "recorded by" columns and audit: the person, or for a token that names none (the
     * platform admin made in Keycloak only, a service account) the token's subject. Lets the admin
     * act everywhere without a person record.
     *
     * @throws fr.ent.web.problem.ProblemException 403 when the token has neither
     */
    public UUID actorId() {
        if (isPerson()) {
            return personId();
        }
        try {
            return UUID.fromString(token.getSubject());
        } catch (RuntimeException e) {
            throw Problems.forbidden("This action needs a person's token.");
        }
    }

    public Set<String> roles() {
        return isAuthenticated() && token.getGroups() != null ? Set.copyOf(token.getGroups()) : Set.of();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    /** The schools the person belongs to; ids that are not UUIDs are ignored. */
    public Set<UUID> schoolIds() {
        if (!isAuthenticated()) {
            return Set.of();
        }
        Object claim = token.getClaim(SCHOOL_IDS);
        Set<UUID> ids = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                addUuid(ids, value instanceof JsonString text ? text.getString() : value.toString());
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> addUuid(ids, String.valueOf(value)));
        } else if (claim instanceof JsonString text) {
            addUuid(ids, text.getString());
        } else if (claim != null) {
            // Keycloak sends a single-valued attribute as a plain string.
            addUuid(ids, claim.toString());
        }
        return Set.copyOf(ids);
    }

    /**
     * A school integration: a service account (client credentials, role {@code service}, no person)
     * bound by the realm to the schools in its token's {@code school_ids}.
     */
    public boolean isIntegration() {
        return !isPerson() && hasRole(SERVICE);
    }

    /** The one rule for "staff of this school": the platform admin, or a person with role staff listed in it. */
    public boolean isStaffOf(UUID schoolId) {
        return isAdmin() || (isPerson() && hasRole(STAFF) && belongsTo(schoolId));
    }

    /** Reads what the school's staff read: its staff (admin included) and its integrations. */
    public boolean readsAsStaffOf(UUID schoolId) {
        return isStaffOf(schoolId) || (isIntegration() && belongsTo(schoolId));
    }

    /** Changes what the school's staff change: its staff (admin included), its integrations granted {@value #INTEGRATION_WRITE}. */
    public boolean changesAsStaffOf(UUID schoolId) {
        return isStaffOf(schoolId) || (isIntegration() && belongsTo(schoolId) && hasRole(INTEGRATION_WRITE));
    }

    /** Whether the person belongs to this school (admins too only if the token lists it). */
    public boolean belongsTo(UUID schoolId) {
        return schoolId != null && schoolIds().contains(schoolId);
    }

    private String claimText(String name) {
        if (!isAuthenticated()) {
            return null;
        }
        Object value = token.getClaim(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }

    private static void addUuid(Set<UUID> ids, String value) {
        try {
            ids.add(UUID.fromString(value.replace("\"", "").trim()));
        } catch (IllegalArgumentException ignored) {
            // Not a school id we can use: ignoring it denies rather than grants.
        }
    }
}
