package fr.ent.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event payload (a record in libs/event-contracts) with its CloudEvents type, e.g.
 * {@code fr.ent.attendance.absence-recorded.v1}, and the Kafka topic it goes to, e.g.
 * {@code ent.attendance}. {@link Outbox#publish} refuses payloads without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    /** CloudEvents {@code type}: {@code fr.ent.<service>.<event>.v<n>}. */
    String type();

    /** Kafka topic: {@code ent.<service>}. */
    String topic();
}
