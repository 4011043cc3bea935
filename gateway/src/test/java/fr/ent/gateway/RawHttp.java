package fr.ent.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP on a plain socket: bytes as they are on the wire, with no client library (and its timing) in between. */
final class RawHttp {

    private RawHttp() {
    }

    static Socket open(int port) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads until {@code marker} has been seen {@code count} times, failing on a closed connection. */
    static String readUntilCount(Socket socket, String marker, int count) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (occurrences(received.toString(StandardCharsets.UTF_8), marker) < count) {
            int n = socket.getInputStream().read(buffer);
            assertThat(n).as("connection closed before %s: %s", marker, received).isPositive();
            received.write(buffer, 0, n);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Reads until the gateway closes the connection (a read timeout fails the test). */
    static String readToEnd(Socket socket) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection was not closed; received: " + received, e);
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String marker) {
        Matcher matcher = Pattern.compile(Pattern.quote(marker)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
