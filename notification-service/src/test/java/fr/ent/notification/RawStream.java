package fr.ent.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A live stream over a bare socket, for what an HTTP client hides: the bytes on the wire (comments,
 * heartbeats) and a client that simply goes away (close() closes the socket, nothing else).
 */
final class RawStream implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final StringBuilder received = new StringBuilder();

    RawStream(URI stream, String token) throws IOException {
        socket = new Socket(stream.getHost(), stream.getPort());
        socket.setSoTimeout(60_000);
        socket.getOutputStream().write(("GET " + stream.getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        in = socket.getInputStream();
    }

    /** Reads until {@code expected} has come (or the read timeout, 60 s); returns all received so far. */
    String readUntil(String expected) throws IOException {
        while (received.indexOf(expected) < 0) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("the stream ended before " + expected + ": " + received);
            }
            received.append((char) b);
        }
        return received.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
