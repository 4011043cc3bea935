package fr.ent.gateway.observability;

import org.jboss.logging.Logger;

/**
 * One line per call: request id, caller id (person id or client id, never the token or a name),
 * method, path without its query string (it may hold personal data), status, latency.
 * Category {@code fr.ent.gateway.access}: set its level to WARN to silence it.
 */
public final class AccessLog {

    private static final Logger LOG = Logger.getLogger("fr.ent.gateway.access");

    private AccessLog() {
    }

    public static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    public static void log(String requestId, String traceparent, String caller, String method, String path,
                           int status, long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1_000;
        // Built by hand: java.util.Formatter (infof) costs several µs per call on this hot path.
        StringBuilder line = new StringBuilder(160 + path.length())
                .append("rid=").append(requestId)
                .append(" trace=");
        if (traceparent != null && traceparent.length() >= 35) {
            line.append(traceparent, 3, 35);
        } else {
            line.append('-');
        }
        line.append(" user=").append(caller)
                .append(' ').append(method)
                .append(' ').append(path)
                .append(' ').append(status)
                .append(' ').append(micros / 1000).append('.');
        long fraction = micros % 1000;
        if (fraction < 100) {
            line.append('0');
        }
        if (fraction < 10) {
            line.append('0');
        }
        line.append(fraction).append("ms");
        LOG.info(line.toString());
    }
}
