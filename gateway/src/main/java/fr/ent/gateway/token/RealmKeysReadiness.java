package fr.ent.gateway.token;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Without the realm's keys every authenticated call would be refused: not ready until they are loaded. */
@Readiness
@ApplicationScoped
public class RealmKeysReadiness implements HealthCheck {

    private final RealmKeys keys;

    RealmKeysReadiness(RealmKeys keys) {
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("realm-keys")
                .status(keys.loaded())
                .withData("keys", keys.keyCount())
                .build();
    }
}
