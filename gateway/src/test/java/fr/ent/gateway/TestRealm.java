package fr.ent.gateway;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The test realm: an RSA key pair whose public half the {@link Upstreams} resource serves as a JWKS
 * over HTTP (like Keycloak), and tokens signed with it. The private key is written to a file so the
 * test resource and the tests (possibly different class loaders) share it.
 */
public final class TestRealm {

    public static final String ISSUER = "https://test.ent.local";
    public static final String AUDIENCE = "ent-api";
    static final Path KEY_FILE = Path.of("target", "gateway-test-realm", "signing.jwk.json");

    private static RsaJsonWebKey key;

    private TestRealm() {
    }

    /** Makes a fresh key (called by the test resource before Quarkus starts). */
    static synchronized RsaJsonWebKey create() {
        try {
            RsaJsonWebKey fresh = RsaJwkGenerator.generateJwk(2048);
            fresh.setKeyId("test-" + UUID.randomUUID());
            fresh.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            Files.createDirectories(KEY_FILE.getParent());
            Files.writeString(KEY_FILE, fresh.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            key = fresh;
            return fresh;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized RsaJsonWebKey key() {
        if (key == null) {
            try {
                key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(KEY_FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }

    public static JwtClaims claims(UUID personId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(personId.toString());
        claims.setClaim("person_id", personId.toString());
        claims.setClaim("azp", "ent-web");
        claims.setClaim("realm_access", Map.of("roles", List.of("parent")));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        return claims;
    }

    public static String person(UUID personId) {
        return sign(claims(personId));
    }

    /** A school integration's service account: no person_id, its client id in azp. */
    public static String service(String clientId) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject("service-account-" + clientId);
        claims.setClaim("azp", clientId);
        claims.setClaim("realm_access", Map.of("roles", List.of("service")));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        return sign(claims);
    }

    public static String expired(UUID personId) {
        JwtClaims claims = claims(personId);
        claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        return sign(claims);
    }

    public static String sign(JwtClaims claims) {
        return sign(claims, key());
    }

    /** Signed by a key the realm does not publish (an attacker's), with the realm's key id. */
    public static String signedByStranger(JwtClaims claims) {
        try {
            RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
            stranger.setKeyId(key().getKeyId());
            return sign(claims, stranger);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey signer) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(signer.getPrivateKey());
            jws.setKeyIdHeaderValue(signer.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
