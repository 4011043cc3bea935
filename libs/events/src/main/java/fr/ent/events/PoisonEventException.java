package fr.ent.events;

/**
 * A record that can never be handled (missing CloudEvents headers, a value that is not JSON, a
 * payload of the wrong shape). {@link EventConsumer} does not retry it: it goes straight to the
 * dead-letter topic with this message as the reason. Handlers may throw it too.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
