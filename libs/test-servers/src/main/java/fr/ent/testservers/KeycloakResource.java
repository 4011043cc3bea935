package fr.ent.testservers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * A service test that needs the real Keycloak says so in one line:
 * {@code @QuarkusTestResource(KeycloakResource.class)} (beside {@code PostgresAndKafka}). Starts
 * the shared server of the JVM (realm {@code ent}) and makes the service verify tokens against it
 * — its keys, issuer and audience — instead of the in-memory test key; tokens then come from
 * {@link Keycloak#passwordGrant} / {@link Keycloak#clientCredentials}, not from {@code TestTokens}.
 * identity-service also gets what it needs to provision users ({@code ent.identity.keycloak.*}).
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Keycloak keycloak = Keycloak.shared();
        Map<String, String> config = new HashMap<>();
        config.put("mp.jwt.verify.publickey.location", keycloak.jwksUrl());
        config.put("mp.jwt.verify.issuer", keycloak.issuer());
        config.put("mp.jwt.verify.audiences", Keycloak.AUDIENCE);
        config.put("smallrye.jwt.path.groups", "realm_access/roles");
        // identity-service provisions users through the admin API with its service account
        config.put("ent.keycloak.url", keycloak.baseUrl());
        config.put("ent.identity.keycloak.enabled", "true");
        config.put("ent.identity.keycloak.url", keycloak.baseUrl());
        config.put("ent.identity.keycloak.realm", Keycloak.REALM);
        config.put("ent.identity.keycloak.client-id", Keycloak.IDENTITY_CLIENT);
        config.put("ent.identity.keycloak.client-secret", Keycloak.IDENTITY_SECRET);
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM: the server stops when the JVM ends.
    }
}
