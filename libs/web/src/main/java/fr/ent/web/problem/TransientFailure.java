package fr.ent.web.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The one answer to "did this fail because a server we depend on is unreachable for now?" — the
 * database (PostgreSQL restarting, pool exhausted), Kafka, an SMTP server. Such a failure says
 * nothing about the request or the event being handled: the same work succeeds once the server
 * is back. HTTP answers 503 with {@code Retry-After} ({@link ServiceUnavailableMapper}); the event
 * consumer of libs/events waits and retries without moving past the event.
 *
 * <p>Pure JDK on purpose (classes of Hibernate, Agroal, Kafka, Jakarta Mail are recognised by
 * name), so every library can use it whatever it depends on.
 */
public final class TransientFailure {

    /**
     * SQLStates of a database that cannot be reached or is going away: class 08 (connection
     * exception), 57P01/57P02/57P03 (admin shutdown, crash shutdown, cannot connect now), 53300
     * (too many connections).
     */
    private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** Recognised by name: their presence in a cause chain means a server was unreachable. */
    private static final Set<String> UNREACHABLE_CLASSES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException",
            "org.apache.kafka.common.errors.NetworkException",
            "org.eclipse.angus.mail.util.MailConnectException",
            "com.sun.mail.util.MailConnectException");

    private TransientFailure() {
    }

    /** Whether {@code failure}, or any of its causes or suppressed exceptions, says a server is unreachable. */
    public static boolean isTransient(Throwable failure) {
        return find(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean find(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (itself(t)) {
            return true;
        }
        if (t instanceof SQLException sql && find(sql.getNextException(), seen)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (find(suppressed, seen)) {
                return true;
            }
        }
        return find(t.getCause(), seen);
    }

    private static boolean itself(Throwable t) {
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || UNREACHABLE_STATES.contains(state))) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // Agroal's pool: no connection could be had within the acquisition timeout.
            String message = sql.getMessage();
            if (state == null && message != null && message.startsWith("Acquisition timeout")) {
                return true;
            }
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                || t instanceof UnknownHostException) {
            return true;
        }
        for (Class<?> c = t.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (UNREACHABLE_CLASSES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
