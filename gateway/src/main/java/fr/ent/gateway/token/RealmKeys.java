package fr.ent.gateway.token;

import fr.ent.gateway.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import java.util.concurrent.TimeUnit;

/**
 * The realm's signing keys, fetched without blocking (Vert.x client) at start-up, then every
 * {@code gateway.token.keys-refresh}, and again when a token names a key we do not know (a
 * rotation), at most every 30 s. Until the first fetch succeeds the gateway is not ready.
 */
@Singleton
public class RealmKeys {

    private static final Logger LOG = Logger.getLogger(RealmKeys.class);
    private static final long RETRY_MS = 2_000;
    private static final long MIN_REFETCH_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Vertx vertx;
    private final GatewayConfig.Token config;
    private volatile JwtConsumer consumer;
    private volatile int keyCount;
    private volatile long lastFetchNanos = System.nanoTime() - MIN_REFETCH_NANOS;
    private volatile boolean fetching;
    private HttpClient client;
    private long refreshTimer = -1;

    RealmKeys(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config.token();
    }

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setIdleTimeout(10)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
        fetch();
        long every = Math.max(1_000, config.keysRefresh().toMillis());
        refreshTimer = vertx.setPeriodic(every, id -> fetch());
    }

    void stop(@Observes ShutdownEvent event) {
        if (refreshTimer >= 0) {
            vertx.cancelTimer(refreshTimer);
        }
    }

    public boolean loaded() {
        return consumer != null;
    }

    public int keyCount() {
        return keyCount;
    }

    /** The verifier for the current keys, or null while none are loaded. */
    JwtConsumer consumer() {
        return consumer;
    }

    /** A token named an unknown key: the realm may have rotated its keys. */
    void keyMissing() {
        if (System.nanoTime() - lastFetchNanos >= MIN_REFETCH_NANOS) {
            fetch();
        }
    }

    private void fetch() {
        if (fetching) {
            return;
        }
        fetching = true;
        lastFetchNanos = System.nanoTime();
        read().onComplete(ar -> {
            fetching = false;
            if (ar.succeeded()) {
                try {
                    install(new JsonWebKeySet(ar.result().toString()));
                    return;
                } catch (Exception e) {
                    LOG.warnf("Realm keys at %s are not a JWKS: %s", config.jwksLocation(), e.getMessage());
                }
            } else {
                LOG.warnf("Realm keys not fetched from %s: %s", config.jwksLocation(), ar.cause().getMessage());
            }
            if (consumer == null) {
                vertx.setTimer(RETRY_MS, id -> fetch());
            }
        });
    }

    private Future<Buffer> read() {
        String location = config.jwksLocation();
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(location))
                    .compose(req -> req.send())
                    .compose(resp -> resp.statusCode() == 200
                            ? resp.body()
                            : Future.failedFuture("HTTP " + resp.statusCode()));
        }
        return vertx.fileSystem().readFile(location.startsWith("file:") ? location.substring(5) : location);
    }

    private void install(JsonWebKeySet keys) {
        int count = keys.getJsonWebKeys().size();
        if (count == 0) {
            LOG.warnf("Realm JWKS at %s holds no key", config.jwksLocation());
            return;
        }
        consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.getJsonWebKeys()))
                .build();
        if (keyCount != count) {
            LOG.infof("Realm keys loaded from %s (%d keys)", config.jwksLocation(), count);
        }
        keyCount = count;
    }
}
