package fr.ent.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/** Everything notification-service lets operators tune. */
@ConfigMapping(prefix = "ent.notification")
public interface NotificationConfig {

    /** The families' portal: links in e-mails and notifications point there. */
    @WithDefault("http://localhost:8080")
    String portalUrl();

    Email email();

    /** How often held-back notices are looked for (a Quarkus scheduler period). */
    @WithDefault("5s")
    String scheduledEvery();

    QuietHours quietHours();

    Stream stream();

    /**
     * This instance's name as a member of the Kafka consumer group: the prefix of each channel's
     * {@code group.instance.id} (static membership; set in application.properties from HOSTNAME).
     */
    String consumerInstance();

    Absence absence();

    interface Email {
        @WithDefault("ENT <ne-pas-repondre@ent.example>")
        String from();

        /** Attempts before a delivery is recorded as FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** First retry delay; doubles at each attempt. */
        @WithDefault("30s")
        Duration backoff();

        /** How often the sender looks for due e-mails (a Quarkus scheduler period). */
        @WithDefault("1s")
        String every();

        /** Deliveries one sending pass handles. */
        @WithDefault("50")
        int batchSize();

        /** Local time (school time zone) of the daily digest. */
        @WithDefault("18:00")
        LocalTime digestAt();
    }

    /** The national guidance by default; a school may choose its own (school_quiet_hours). */
    interface QuietHours {
        @WithDefault("20:00")
        LocalTime eveningStart();

        @WithDefault("07:00")
        LocalTime morningEnd();

        /** Friday evening to Monday morning is quiet too. */
        @WithDefault("true")
        boolean weekend();

        /** Used when the school (and so its time zone) is unknown. */
        @WithDefault("Europe/Paris")
        String defaultTimeZone();
    }

    interface Stream {
        /** How often each instance looks for rows written by the others. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Rows replayed at most after a reconnection. */
        @WithDefault("500")
        int maxReplay();

        @WithDefault("20s")
        Duration heartbeat();

        /**
         * Streams one instance holds at most; beyond, 503 with Retry-After (an EventSource honours it
         * and the gateway may send it to another instance). A stream costs a connection and a few
         * kilobytes, no thread: the bound is the process's open files, not memory.
         */
        @WithDefault("9500")
        int maxOpen();

        /** Retry-After of that 503. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    interface Absence {
        /** Class levels whose pupils also get their own absences (e.g. 2NDE,1ERE,TERMINALE); empty = none. */
        Optional<Set<String>> pupilLevels();
    }
}
