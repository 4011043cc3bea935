package fr.ent.gateway.token;

/**
 * The last token presented on one client connection, and whom it stands for. A connection that is
 * kept alive sends the same token call after call: comparing its header with the last one is much
 * cheaper than hashing the token for the shared cache. Only the connection holds it, while it is open.
 */
public final class LastToken {

    /** The whole Authorization header, as it came. */
    String authorization;
    Caller caller;
    long expiresAtMillis;
}
