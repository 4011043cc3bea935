package fr.ent.gateway.observability;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code X-Request-Id}: the client's when it looks sane, else a new one. W3C {@code traceparent}:
 * kept when well formed (the gateway makes no span of its own), else a new trace is started.
 */
public final class RequestIds {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** Makes sure the request carries a usable request id and returns it. */
    public static String ensureRequestId(HttpHeaders headers) {
        String id = headers.get(REQUEST_ID);
        if (id != null && saneId(id)) {
            return id;
        }
        id = newRequestId();
        headers.set(REQUEST_ID, id);
        return id;
    }

    /** Makes sure the request carries a valid traceparent and returns it. */
    public static String ensureTraceparent(HttpHeaders headers) {
        String traceparent = headers.get(TRACEPARENT);
        if (traceparent != null && validTraceparent(traceparent)) {
            return traceparent;
        }
        traceparent = "00-" + hex(32) + "-" + hex(16) + "-01";
        headers.set(TRACEPARENT, traceparent);
        headers.remove("tracestate");
        return traceparent;
    }

    static boolean saneId(String id) {
        int length = id.length();
        if (length == 0 || length > 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** version-traceid-parentid-flags, lower-case hex, ids not all zeros (W3C Trace Context). */
    static boolean validTraceparent(String value) {
        if (value.length() < 55 || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        if (value.startsWith("ff") || (value.startsWith("00") && value.length() != 55)) {
            return false;
        }
        return lowerHex(value, 0, 2) && lowerHex(value, 3, 35) && lowerHex(value, 36, 52)
                && lowerHex(value, 53, 55) && !zeros(value, 3, 35) && !zeros(value, 36, 52);
    }

    private static boolean lowerHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    static String newRequestId() {
        return hex(32);
    }

    private static String hex(int digits) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[digits];
        for (int i = 0; i < digits; i += 16) {
            long bits = random.nextLong();
            for (int j = 0; j < 16 && i + j < digits; j++) {
                out[i + j] = HEX[(int) (bits >>> (j * 4)) & 0xF];
            }
        }
        return new String(out);
    }
}
