package fr.ent.testservers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What every service test needs, in one line:
 * {@code @QuarkusTestResource(PostgresAndKafka.class)}. Starts (once per JVM) a real PostgreSQL
 * and a real Kafka broker, in parallel, and points the service's datasource and Kafka clients at
 * them.
 */
public class PostgresAndKafka implements QuarkusTestResourceLifecycleManager {

    /** Every test JVM runs one service, so one database name serves them all. */
    public static final String DATABASE = "service";

    @Override
    public Map<String, String> start() {
        CompletableFuture<KafkaBroker> kafka = CompletableFuture.supplyAsync(KafkaBroker::shared);
        String jdbcUrl = Postgres.shared().jdbcUrl(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", Postgres.PASSWORD,
                "kafka.bootstrap.servers", kafka.join().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM: the servers stop when the JVM ends.
    }
}
