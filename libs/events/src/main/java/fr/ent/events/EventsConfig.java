package fr.ent.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code ent.events.*}: everything has a default except the source, which each service sets. */
@ConfigMapping(prefix = "ent.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /attendance-service};
     *  defaults to {@code /<quarkus.application.name>}. */
    Optional<String> source();

    Relay relay();

    Consumer consumer();

    Health health();

    interface Relay {

        /** Whether this instance relays the outbox to Kafka. */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for rows besides the wake-up after each commit of this
         *  instance (rows committed by other instances, rows left by a failed round). */
        @WithDefault("200ms")
        Duration interval();

        /** Rows read and sent per round. */
        @WithDefault("500")
        int batchSize();

        /** Longest pause between two attempts while Kafka fails; the pause doubles from the interval. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** Kafka producer {@code delivery.timeout.ms}: how long a dead broker may hold a round. */
        @WithDefault("5s")
        Duration deliveryTimeout();

        /** Kafka producer {@code max.block.ms}: how long a send may wait for metadata. */
        @WithDefault("3s")
        Duration maxBlock();

        /** How long published rows stay in the outbox (for inspection) before they are purged. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Consumer {

        /** Attempts of a failing handler before the record goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** Pause after the first failed attempt; it grows linearly with the attempts. */
        @WithDefault("200ms")
        Duration backoff();

        /**
         * First pause when a server is unreachable (database, Kafka, SMTP): the event is retried,
         * never dead-lettered, the pause doubling up to {@link #outageMaxBackoff()}.
         */
        @WithDefault("500ms")
        Duration outageBackoff();

        /** Longest pause between two attempts while a server is unreachable. */
        @WithDefault("30s")
        Duration outageMaxBackoff();

        /** How long processed event ids are remembered (longer than any Kafka redelivery). */
        @WithDefault("P30D")
        Duration retention();
    }

    interface Health {

        /** Timeout of the describeCluster call. */
        @WithDefault("2s")
        Duration timeout();

        /** How long a result is reused before the broker is asked again. */
        @WithDefault("5s")
        Duration cacheFor();
    }
}
