package fr.ent.gateway.token;

import fr.ent.gateway.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.lang.UnresolvableKeyException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks bearer tokens (signature against the realm's keys, issuer, audience, expiry) and remembers
 * the ones that passed until they expire, so that one token costs one signature check per process.
 * The cache is keyed by the token's SHA-256 (the token itself is not kept) and bounded.
 */
@Singleton
public class TokenVerifier {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final String BEARER = "Bearer ";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private record Verified(Caller caller, long expiresAtMillis) {
    }

    private final RealmKeys keys;
    private final Vertx vertx;
    private final int maxEntries;
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();
    private final LongAdder verifications = new LongAdder();

    TokenVerifier(RealmKeys keys, Vertx vertx, GatewayConfig config) {
        this.keys = keys;
        this.vertx = vertx;
        this.maxEntries = config.token().cacheSize();
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(60_000, id -> evictExpired());
    }

    /** Signature checks done so far (cache misses that reached the crypto). */
    public long verifications() {
        return verifications.sum();
    }

    /**
     * Checks the token of an {@code Authorization: Bearer} header; answered at once when the header is
     * the same as the connection's last one.
     */
    public Caller verifyBearer(String authorization, LastToken last) throws InvalidTokenException {
        long now = System.currentTimeMillis();
        if (last.expiresAtMillis > now && authorization.equals(last.authorization)) {
            return last.caller;
        }
        Verified verified = verified(authorization.substring(BEARER.length()).trim(), now);
        last.authorization = authorization;
        last.caller = verified.caller;
        last.expiresAtMillis = verified.expiresAtMillis;
        return verified.caller;
    }

    private Verified verified(String token, long now) throws InvalidTokenException {
        String key = hash(token);
        Verified known = cache.get(key);
        if (known != null) {
            if (known.expiresAtMillis > now) {
                return known;
            }
            cache.remove(key);
        }
        JwtConsumer consumer = keys.consumer();
        if (consumer == null) {
            throw new InvalidTokenException("The realm's keys are not loaded yet.");
        }
        JwtClaims claims;
        try {
            verifications.increment();
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(reason(e));
        }
        try {
            Caller caller = new Caller(claims.getClaimValueAsString("person_id"), clientOf(claims));
            Verified verified = new Verified(caller, claims.getExpirationTime().getValueInMillis());
            remember(key, verified);
            return verified;
        } catch (MalformedClaimException e) {
            throw new InvalidTokenException("The token's claims are malformed.");
        }
    }

    private String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "The token has expired.";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
            return "The token was not issued by the expected realm.";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "The token is not meant for this API.";
        }
        if (causedBy(e, UnresolvableKeyException.class)) {
            keys.keyMissing();
            return "The token is signed with an unknown key.";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "The token's signature is invalid.";
        }
        return "The token is not valid.";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String clientOf(JwtClaims claims) {
        String azp = claims.getClaimValueAsString("azp");
        return azp != null ? azp : claims.getClaimValueAsString("client_id");
    }

    private void remember(String key, Verified verified) {
        if (cache.size() >= maxEntries) {
            evictExpired();
            if (cache.size() >= maxEntries) {
                // Still full of live tokens: start over rather than grow; they will be checked again.
                cache.clear();
            }
        }
        cache.put(key, verified);
    }

    private void evictExpired() {
        long now = System.currentTimeMillis();
        for (Iterator<Verified> it = cache.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAtMillis <= now) {
                it.remove();
            }
        }
    }

    private static String hash(String token) {
        MessageDigest digest = SHA256.get();
        return B64.encodeToString(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
