package fr.ent.gateway.token;

/**
 * The last token presented on one client connection, and whom it stands for. A connection that is
 * kept alive sends the same token call after call: comparing it with the last one is much cheaper
 * than hashing it for the shared cache. Only the connection holds it, and only while it is open.
 */
public final class LastToken {

    String token;
    Caller caller;
    long expiresAtMillis;
}
