package fr.ent.events;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.eclipse.microprofile.health.HealthCheck;
import io.smallrye.health.api.HealthGroup;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Health check "kafka" in the group "dependencies" ({@code /q/health/group/dependencies}): whether
 * the cluster answers a describeCluster within {@code ent.events.health.timeout}. The answer is
 * reused for {@code ent.events.health.cache-for} so that probes do not hammer the brokers.
 * <p>
 * Deliberately not a readiness check: state changes still succeed while Kafka is down (the outbox
 * keeps their events), so a broker outage must not take every service out of the load balancer.
 * Operations watch this group and the outbox backlog gauges instead.
 */
@HealthGroup(KafkaHealth.GROUP)
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    static final String GROUP = "dependencies";

    static final String NAME = "kafka";

    @Inject
    KafkaSettings kafka;

    @Inject
    EventsConfig config;

    private Admin admin;
    private HealthCheckResponse last;
    private long lastAt;

    @Override
    public synchronized HealthCheckResponse call() {
        long now = System.nanoTime();
        if (last != null && now - lastAt < config.health().cacheFor().toNanos()) {
            return last;
        }
        last = probe();
        lastAt = System.nanoTime();
        return last;
    }

    private HealthCheckResponse probe() {
        Duration timeout = config.health().timeout();
        Map<String, Object> settings = kafka.connection();
        try {
            DescribeClusterResult cluster = admin(settings, timeout)
                    .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            int nodes = cluster.nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).size();
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up()
                    .withData("bootstrap.servers", String.valueOf(settings.get("bootstrap.servers")))
                    .withData("cluster.id", String.valueOf(clusterId))
                    .withData("nodes", nodes)
                    .build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named(NAME).down()
                    .withData("bootstrap.servers", String.valueOf(settings.get("bootstrap.servers")))
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .build();
        }
    }

    private Admin admin(Map<String, Object> settings, Duration timeout) {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(settings);
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ent-health");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
