package fr.ent.notification.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Web push: the VAPID identity of this platform, and how deliveries are sent and retried. */
@ConfigMapping(prefix = "ent.push")
public interface PushConfig {

    Vapid vapid();

    /**
     * Accepts {@code http://127.0.0.1} and {@code http://localhost} endpoints (tests' loopback push
     * service); every real push service is https.
     */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** How long the push service keeps a message for a device that is offline (the TTL header). */
    @WithDefault("12h")
    Duration ttl();

    /** Attempts before a delivery is recorded as FAILED (429, 5xx, network errors). */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay; doubles at each attempt. */
    @WithDefault("30s")
    Duration backoff();

    /** How often the sender looks for due pushes (a Quarkus scheduler period). */
    @WithDefault("1s")
    String every();

    /** Deliveries one sending pass handles. */
    @WithDefault("50")
    int batchSize();

    /** Connection and answer timeout of one request to a push service. */
    @WithDefault("10s")
    Duration timeout();

    /** Devices one person keeps at most; registering one more forgets the least recently registered. */
    @WithDefault("10")
    int maxDevices();

    /**
     * The key pair (P-256, base64url, raw: the public key's 65 bytes uncompressed, the private key's
     * 32 bytes). Both absent: push is off (nothing queued, the public-key endpoint answers 404).
     */
    interface Vapid {
        Optional<String> publicKey();

        Optional<String> privateKey();

        /** Who the push services may contact about this sender (RFC 8292 "sub"). */
        @WithDefault("mailto:ne-pas-repondre@ent.example")
        String subject();
    }
}
