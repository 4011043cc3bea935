package fr.ent.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A minimal Server-Sent Events reader over a plain HTTP/1.1 connection, as a browser's EventSource
 * would be: opens the stream (with a token and a {@code Last-Event-ID} if given) and keeps every event
 * on a background thread. It speaks HTTP over its own socket so that {@link #close()} is what a closed
 * tab is: the socket is closed at once, whatever the reader is doing (an HTTP client may keep a
 * cancelled exchange's connection until the server writes again). {@link #read(BufferedReader, Consumer)}
 * is the parser alone, for another client.
 */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private final URI uri;
    private final String token;
    private final String lastEventId;
    private final Socket socket = new Socket();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String contentType;

    public SseClient(URI uri, String token, String lastEventId) {
        this.uri = uri;
        this.token = token;
        this.lastEventId = lastEventId;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            int port = uri.getPort() == -1 ? 80 : uri.getPort();
            socket.connect(new InetSocketAddress(uri.getHost(), port), 5_000);
            StringBuilder head = new StringBuilder("GET ").append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(port).append("\r\n")
                    .append("Accept: text/event-stream\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (lastEventId != null) {
                head.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            boolean chunked = false;
            for (String h; !(h = line(in)).isEmpty(); ) {
                String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(h.indexOf(':') + 1).trim();
                if (name.equals("content-type")) {
                    contentType = value;
                } else if (name.equals("transfer-encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            status = Integer.parseInt(statusLine.split(" ")[1]);
            InputStream body = chunked ? new Chunks(in) : in;
            read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)), events::add);
        } catch (IOException | RuntimeException closedOrBroken) {
            // the test closed the connection, or the server did
        }
    }

    /** One header line, without its CRLF (ISO-8859-1, as HTTP headers are). */
    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c == -1) {
                throw new EOFException("the connection ended in the answer's head");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** The body of a chunked answer, chunk sizes removed; ends with the last (empty) chunk. */
    private static final class Chunks extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunks(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in); // the CRLF that ends the previous chunk
                }
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n == -1) {
                throw new EOFException("the connection ended in a chunk");
            }
            left -= n;
            return n;
        }
    }

    /**
     * Reads a stream's events until it ends: {@code id:}, {@code event:} and {@code data:} lines (several
     * data lines joined by a newline), an empty line ending each event; events without data are skipped.
     */
    public static void read(BufferedReader lines, Consumer<Event> each) throws IOException {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    each.accept(new Event(id, name, data.toString()));
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Closes the connection now, as a closed tab does (the reader thread then ends). */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
