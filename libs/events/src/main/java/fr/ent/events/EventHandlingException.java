package fr.ent.events;

/** A handler failed on every attempt: the record goes to the dead-letter topic with this message. */
public class EventHandlingException extends RuntimeException {

    public EventHandlingException(String message, Throwable cause) {
        super(message, cause);
    }
}
