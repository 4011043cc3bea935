package fr.ent.testservers;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens for service tests, shaped like the Keycloak realm's: issuer
 * {@value #ISSUER}, audience {@value #AUDIENCE}, roles in {@code realm_access.roles} and
 * {@code groups}, {@code person_id}, {@code school_ids}. Signed with the in-memory key Quarkus
 * generates in test mode (the service's {@code %test.mp.jwt.verify.publickey.location} is
 * empty), so the service's real signature check runs. Call from a {@code @QuarkusTest} method.
 *
 * <pre>{@code
 * given().auth().oauth2(TestTokens.teacher(teacherId, schoolId)).get("/api/...")
 * TestTokens.person(id).roles("parent").schools(schoolId).sign()
 * }</pre>
 */
public final class TestTokens {

    public static final String ISSUER = "https://test.ent.local";
    public static final String AUDIENCE = "ent-api";
    /** Short, like the realm's access tokens. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private TestTokens() {
    }

    public static String pupil(UUID personId, UUID schoolId) {
        return person(personId).roles("pupil").schools(schoolId).sign();
    }

    public static String parent(UUID personId, UUID schoolId) {
        return person(personId).roles("parent").schools(schoolId).sign();
    }

    public static String teacher(UUID personId, UUID schoolId) {
        return person(personId).roles("teacher").schools(schoolId).sign();
    }

    public static String staff(UUID personId, UUID schoolId) {
        return person(personId).roles("staff").schools(schoolId).sign();
    }

    /** An inspector (IA-IPR) over these schools. */
    public static String inspector(UUID personId, UUID... schoolIds) {
        return person(personId).roles("inspector").schools(schoolIds).sign();
    }

    /** A platform administrator: no school listed. */
    public static String admin(UUID personId) {
        return person(personId).roles("admin").sign();
    }

    /** The platform administrator as the realm issues it: role {@code admin}, a subject, no person, no school. */
    public static String platformAdmin() {
        return new Builder(UUID.randomUUID().toString(), null).roles("admin").sign();
    }

    /** A school integration: a service account the realm binds to its schools ({@code school_ids}), no person. */
    public static String integration(String clientId, UUID... schoolIds) {
        return new Builder(clientId, null).roles("service").schools(schoolIds).claim("azp", clientId).claim("client_id", clientId).sign();
    }

    /** A service account (client credentials): role {@code service}, no person, no school. */
    public static String service(String clientId) {
        return new Builder(clientId, null).roles("service").claim("azp", clientId).claim("client_id", clientId).sign();
    }

    /** A teacher's token that expired ten minutes ago (beyond the verifier's clock skew). */
    public static String expired() {
        return person(UUID.randomUUID()).roles("teacher").schools(UUID.randomUUID()).expired().sign();
    }

    /** The same person and school, with an expired token. */
    public static String expired(UUID personId, UUID schoolId, String... roles) {
        return person(personId).roles(roles).schools(schoolId).expired().sign();
    }

    /** Well formed and unexpired, but signed by a key the service does not know. */
    public static String foreignKey() {
        return person(UUID.randomUUID()).roles("admin").signedWithForeignKey().sign();
    }

    /** Correctly signed, but by another issuer. */
    public static String wrongIssuer() {
        return person(UUID.randomUUID()).roles("admin").issuer("https://evil.example").sign();
    }

    /** A valid teacher token whose payload was changed afterwards (role raised to admin): the signature no longer matches. */
    public static String tampered() {
        String token = person(UUID.randomUUID()).roles("teacher").sign();
        String[] parts = token.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"teacher\"", "\"admin\"");
        if (payload.equals(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8))) {
            throw new IllegalStateException("could not tamper with the token");
        }
        String changed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + changed + "." + parts[2];
    }

    /** A token for a person, to shape freely. */
    public static Builder person(UUID personId) {
        return new Builder(personId.toString(), personId);
    }

    /** Builds one token; every setter returns the builder. */
    public static final class Builder {
        private final String subject;
        private final UUID personId;
        private final Set<String> roles = new LinkedHashSet<>();
        private final List<String> schools = new ArrayList<>();
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = LIFETIME;
        private boolean foreignKey;

        private Builder(String subject, UUID personId) {
            this.subject = subject;
            this.personId = personId;
        }

        public Builder roles(String... roles) {
            this.roles.addAll(List.of(roles));
            return this;
        }

        public Builder schools(UUID... schoolIds) {
            for (UUID id : schoolIds) {
                schools.add(id.toString());
            }
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Issued an hour ago, expired ten minutes ago. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(1));
            this.lifetime = Duration.ofMinutes(50);
            return this;
        }

        /** Signs with a key pair made here, unknown to the service: the signature check fails. */
        public Builder signedWithForeignKey() {
            this.foreignKey = true;
            return this;
        }

        public Builder claim(String name, Object value) {
            extra.put(name, value);
            return this;
        }

        public String sign() {
            JwtClaimsBuilder claims = Jwt.claims()
                    .issuer(issuer)
                    .audience(audience)
                    .subject(subject)
                    .issuedAt(issuedAt)
                    .expiresAt(issuedAt.plus(lifetime))
                    .groups(Set.copyOf(roles))
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                    .claim("school_ids", List.copyOf(schools));
            if (personId != null) {
                claims.claim("person_id", personId.toString());
            }
            extra.forEach(claims::claim);
            // sign() reads the key from the config of the context class loader: make it the
            // test application's (this class's), whichever thread or loader the caller runs on.
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(TestTokens.class.getClassLoader());
            try {
                return foreignKey ? claims.sign(ForeignKey.PRIVATE) : claims.sign();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static final class ForeignKey {
        static final PrivateKey PRIVATE = generate().getPrivate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
