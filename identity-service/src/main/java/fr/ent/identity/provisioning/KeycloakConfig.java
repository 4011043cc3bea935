package fr.ent.identity.provisioning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "ent.identity.keycloak")
public interface KeycloakConfig {

    /** Off in tests that do not start Keycloak: tasks then wait in the table. */
    @WithDefault("true")
    boolean enabled();

    /** Base URL, e.g. http://localhost:8180 */
    String url();

    @WithDefault("ent")
    String realm();

    @WithDefault("identity-service")
    String clientId();

    Optional<String> clientSecret();

    @WithDefault("5s")
    Duration timeout();

    /** Retry delay doubles from this... */
    @WithDefault("2s")
    Duration firstRetry();

    /** ...up to this. */
    @WithDefault("5m")
    Duration maxRetry();

    /** How often the worker looks for due tasks (read by its @Scheduled too). */
    @WithDefault("2s")
    String pollEvery();

    /** Tasks taken per run of the worker. */
    @WithDefault("50")
    int batchSize();
}
