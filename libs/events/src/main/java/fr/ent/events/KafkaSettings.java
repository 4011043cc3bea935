package fr.ent.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The connection settings of the service's Kafka clients, read from the {@code kafka.*} properties
 * that SmallRye Reactive Messaging uses too: the bootstrap servers plus any security settings
 * ({@code kafka.security.protocol}, {@code kafka.sasl.*}, {@code kafka.ssl.*}), so the outbox
 * producer and the health check reach the same cluster as the channels.
 */
@ApplicationScoped
public class KafkaSettings {

    public Map<String, Object> connection() {
        Config config = ConfigProvider.getConfig();
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers",
                config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.security.") || name.startsWith("kafka.sasl.") || name.startsWith("kafka.ssl.")) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> settings.put(name.substring("kafka.".length()), value));
            }
        }
        return settings;
    }
}
