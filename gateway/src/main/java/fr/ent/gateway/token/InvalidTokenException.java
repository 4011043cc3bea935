package fr.ent.gateway.token;

/** The bearer token is not acceptable; the message is safe to show to the caller. */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
