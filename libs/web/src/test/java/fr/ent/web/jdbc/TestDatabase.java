package fr.ent.web.jdbc;

import fr.ent.testservers.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The test app's datasource: a database of the real PostgreSQL server of libs/test-servers. */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", Postgres.shared().jdbcUrl("web"),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.PASSWORD);
    }

    @Override
    public void stop() {
        // The server stops when the JVM ends.
    }
}
