package fr.ent.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway can be told; see application.properties for the defaults per service. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Services reachable at {@code /api/<name>/...}, keyed by that name (identity, attendance...). */
    Map<String, Route> routes();

    /** Path prefixes under /api that need no token (e.g. /api/identity/public/). Listed explicitly. */
    Optional<List<String>> publicPaths();

    Http http();

    Token token();

    Upstream upstream();

    Streams streams();

    AccessLog accessLog();

    Portal portal();

    /** The web app served at / (portal.PortalRoutes). */
    interface Portal {
        /** The realm the portal signs in with (its issuer URL), also allowed in the CSP's connect-src. */
        String authority();

        /** The realm's public client for web front ends (authorization code + PKCE). */
        @WithDefault("ent-portal")
        String clientId();

        /**
         * Other origins the app may call (the CSP's connect-src), beside this one and the realm's: the
         * object storage the browser PUTs files to with pre-signed URLs (S3_PUBLIC_ENDPOINT). A URL is
         * reduced to its origin.
         */
        Optional<List<String>> connectSources();
    }

    /** The front door: where clients connect. */
    interface Http {
        @WithDefault("0.0.0.0")
        String host();

        /** 0 picks a free port (tests). */
        @WithDefault("8080")
        int port();

        /**
         * A client connection is closed when nothing came from it for this long and no call is in
         * progress, counted from the end of its last answer: kept-alive connections left idle, and
         * requests whose headers never end. Clients must drop their pooled connections sooner.
         */
        @WithDefault("2m")
        Duration idleTimeout();

        /** On shutdown, how long calls in progress may take to finish before their connections are cut. */
        @WithDefault("10s")
        Duration shutdownTimeout();
    }

    /** One JSON line per call (see observability.AccessLog). */
    interface AccessLog {
        @WithDefault("true")
        boolean enabled();

        /** Appended to this file if set; else written to standard output with the other logs. */
        Optional<String> file();
    }

    interface Route {
        /** Base URLs of the instances (scheme, host, port); several are balanced round-robin. */
        List<URI> targets();

        /** Time allowed until the service's response headers arrive; streamed bodies may last longer. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Largest request body accepted (413 beyond), with or without Content-Length. Never above the
         * service's own limit ({@code quarkus.http.limits.max-body-size}, 1M in most services): a body the
         * service refuses itself is cut off mid-upload, and the client gets a reset or a 502 instead.
         */
        @WithDefault("1M")
        MemorySize maxBodySize();

        RateLimit rateLimit();
    }

    /** Token buckets: a sustained rate per second and a burst (bucket size). */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Per person (person_id claim). */
        @WithDefault("20")
        double userPerSecond();

        @WithDefault("100")
        int userBurst();

        /** Per service account / school integration (azp or client_id, token without person_id). */
        @WithDefault("50")
        double clientPerSecond();

        @WithDefault("200")
        int clientBurst();

        /** Per client IP, for anonymous calls to public paths. */
        @WithDefault("5")
        double ipPerSecond();

        @WithDefault("20")
        int ipBurst();
    }

    interface Token {
        /** JWKS of the realm: http(s) URL, or a file path (tests, offline runs). */
        String jwksLocation();

        String issuer();

        @WithDefault("ent-api")
        String audience();

        @WithDefault("30s")
        Duration clockSkew();

        /** Keys are fetched again this often, and on an unknown key id (at most every 30 s). */
        @WithDefault("10m")
        Duration keysRefresh();

        /** Verified tokens kept (keyed by the token's SHA-256) until they expire. */
        @WithDefault("100000")
        int cacheSize();
    }

    interface Upstream {
        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("200")
        int maxConnectionsPerTarget();

        /** A pooled connection left unused this long is closed (event streams are never pooled). */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Consecutive failures (refused, reset, timeout) that open an instance's circuit. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open circuit rejects calls before letting a trial through. */
        @WithDefault("10s")
        Duration breakerOpen();
    }

    /**
     * Long-lived answers (Server-Sent Events): each holds its client connection and a connection of
     * its own to the service, outside the pool, so streams never take a connection calls need.
     */
    interface Streams {
        /** Event streams one gateway instance holds at most; beyond, 503 with Retry-After. */
        @WithDefault("10000")
        int max();

        /** Retry-After of that 503 (an EventSource waits about this long before reconnecting). */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
