package fr.ent.gateway.observability;

import fr.ent.gateway.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One JSON line per call: time, request id, trace id, caller id (person id or {@code client:<id>},
 * never the token or a name), method, path without its query string (it may hold personal data),
 * status and latency. Logger name {@code fr.ent.gateway.access}, like the other JSON log lines.
 *
 * <p>Not written through the logging framework: with one line per call, its per-record hand-over
 * and write cost more CPU than the proxying itself. The event loop only queues the facts; a writer
 * thread formats them and writes every {@value #FLUSH_MILLIS} ms, in writes of at most 4 KiB cut at
 * line ends (atomic on a pipe, so never mixed into another process's line). Lines queued when
 * the process is killed hard (at most {@value #FLUSH_MILLIS} ms) are lost; beyond
 * {@value #MAX_PENDING} lines waiting, new ones are dropped and counted.
 */
@Singleton
public class AccessLog {

    static final String LOGGER_NAME = "fr.ent.gateway.access";
    private static final Logger LOG = Logger.getLogger(AccessLog.class);
    private static final int FLUSH_MILLIS = 100;
    private static final int MAX_PENDING = 200_000;
    private static final int WRITE_MAX = 4096;

    private record Entry(long epochMillis, String requestId, String traceparent, String caller, String method,
                         String path, int status, long micros) {
    }

    private final boolean enabled;
    private final Optional<String> file;
    private final ConcurrentLinkedQueue<Entry> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private Thread writer;
    private OutputStream out;

    AccessLog(GatewayConfig config) {
        this.enabled = config.accessLog().enabled();
        this.file = config.accessLog().file();
    }

    void start(@Observes StartupEvent event) throws IOException {
        if (!enabled) {
            return;
        }
        out = file.isPresent()
                ? Files.newOutputStream(Path.of(file.get()), StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : new FileOutputStream(FileDescriptor.out);
        running = true;
        writer = new Thread(this::writeLoop, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (writer == null) {
            return;
        }
        running = false;
        LockSupport.unpark(writer);
        writer.join(TimeUnit.SECONDS.toMillis(5));
    }

    public boolean enabled() {
        return enabled;
    }

    public void log(String requestId, String traceparent, String caller, String method, String path, int status,
                    long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1_000;
        if (pendingCount.incrementAndGet() > MAX_PENDING) {
            pendingCount.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        pending.add(new Entry(System.currentTimeMillis(), requestId, traceparent, caller, method, path, status,
                micros));
    }

    private void writeLoop() {
        Lines lines = new Lines();
        while (running) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS));
            drain(lines);
        }
        drain(lines);
    }

    private void drain(Lines lines) {
        ByteChunks chunks = new ByteChunks(out);
        try {
            for (Entry entry; (entry = pending.poll()) != null; ) {
                pendingCount.decrementAndGet();
                chunks.add(lines.format(entry));
            }
            chunks.flush();
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warnf("%d access log lines were dropped: the writer could not keep up", lost);
            }
        } catch (IOException e) {
            LOG.warnf("Access log lines could not be written: %s", e.getMessage());
        }
    }

    /** Collects whole lines and writes them in pieces of at most {@value #WRITE_MAX} bytes. */
    private static final class ByteChunks {
        private final OutputStream out;
        private final byte[] buffer = new byte[WRITE_MAX];
        private int used;

        ByteChunks(OutputStream out) {
            this.out = out;
        }

        void add(byte[] line) throws IOException {
            if (used + line.length > buffer.length) {
                flush();
            }
            if (line.length > buffer.length) {
                out.write(line);
                return;
            }
            System.arraycopy(line, 0, buffer, used, line.length);
            used += line.length;
        }

        void flush() throws IOException {
            if (used > 0) {
                out.write(buffer, 0, used);
                used = 0;
            }
            out.flush();
        }
    }

    /** Formats entries as JSON lines; used by the writer thread only. */
    private static final class Lines {
        private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        private final StringBuilder line = new StringBuilder(320);
        private long second = Long.MIN_VALUE;
        private String secondText;

        byte[] format(Entry e) {
            line.setLength(0);
            line.append("{\"timestamp\":\"").append(timestamp(e.epochMillis()))
                    .append("\",\"level\":\"INFO\",\"loggerName\":\"").append(LOGGER_NAME)
                    .append("\",\"requestId\":\"");
            escaped(e.requestId());
            line.append("\",\"traceId\":\"");
            String traceparent = e.traceparent();
            line.append(traceparent != null && traceparent.length() >= 35 ? traceparent.substring(3, 35) : "-");
            line.append("\",\"user\":\"");
            escaped(e.caller());
            line.append("\",\"method\":\"").append(e.method()).append("\",\"path\":\"");
            escaped(e.path());
            line.append("\",\"status\":").append(e.status())
                    .append(",\"durationMs\":").append(e.micros() / 1000).append('.');
            long fraction = e.micros() % 1000;
            if (fraction < 100) {
                line.append('0');
            }
            if (fraction < 10) {
                line.append('0');
            }
            line.append(fraction).append("}\n");
            return line.toString().getBytes(StandardCharsets.UTF_8);
        }

        private String timestamp(long epochMillis) {
            long s = Math.floorDiv(epochMillis, 1000);
            if (s != second) {
                second = s;
                secondText = SECOND.format(LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC));
            }
            int millis = (int) Math.floorMod(epochMillis, 1000);
            return secondText + '.' + (char) ('0' + millis / 100) + (char) ('0' + millis / 10 % 10)
                    + (char) ('0' + millis % 10) + 'Z';
        }

        private void escaped(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    line.append('\\').append(c);
                } else if (c < 0x20) {
                    line.append(String.format("\\u%04x", (int) c));
                } else {
                    line.append(c);
                }
            }
        }
    }
}
