package fr.ent.bench;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stands in for the Keycloak realm during the benchmark: writes {@code jwks.json} (public key, read
 * by the gateway as its key location) and {@code token.txt} (an RS256 access token as Keycloak would
 * issue, valid one hour). Usage: {@code BenchRealm <dir> <issuer>}.
 */
public final class BenchRealm {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String issuer = args[1];
        Files.createDirectories(dir);
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("bench-" + UUID.randomUUID());
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        Files.writeString(dir.resolve("jwks.json"),
                new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("ent-api");
        UUID person = UUID.randomUUID();
        claims.setSubject(person.toString());
        claims.setClaim("person_id", person.toString());
        claims.setClaim("school_ids", List.of(UUID.randomUUID().toString()));
        claims.setClaim("azp", "ent-web");
        claims.setClaim("realm_access", Map.of("roles", List.of("teacher")));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        Files.writeString(dir.resolve("token.txt"), jws.getCompactSerialization());
    }
}
