package fr.ent.files.testapp;

import fr.ent.testservers.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The real PostgreSQL of libs/test-servers (no Kafka: files do not need it). */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.datasource.jdbc.url", Postgres.shared().jdbcUrl("files"),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.PASSWORD);
    }

    @Override
    public void stop() {
        // Shared by the JVM: stops when it ends.
    }
}
