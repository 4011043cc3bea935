package fr.ent.notification.stream;

import fr.ent.notification.inbox.InboxWriter;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationsWritten;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cost of the live streams, measured: many streams held by one instance (2,000 by default, 11 per
 * guardian as in bench/streams), inbox rows committed as the fan-out commits them, and the CPU this
 * process spends per event delivered to a stream and per heartbeat, the client's and the writer's
 * threads left out. Figures go to the test's output ({@code stream cost:} lines) and to
 * {@code target/stream-cost.txt}; what is asserted is that every stream gets exactly its person's events,
 * in order, and its heartbeats. Sizes: {@code -Dstream-cost.streams=…}, {@code -Dstream-cost.rounds=…}.
 */
@QuarkusTest
@TestProfile(StreamCostTest.ShortHeartbeats.class)
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class StreamCostTest {

    public static class ShortHeartbeats implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ent.notification.stream.heartbeat", "2s");
        }
    }

    private static final int STREAMS = Integer.getInteger("stream-cost.streams", 2000);
    private static final int PER_PERSON = 11;
    /** Rounds of inbox rows, each one transaction with a row for each of ROWS_PER_ROUND guardians. */
    private static final int ROUNDS = Integer.getInteger("stream-cost.rounds", 40);
    private static final int ROWS_PER_ROUND = 20;
    private static final Duration ROUND_EVERY = Duration.ofMillis(50);

    @TestHTTPResource("/api/notification/stream")
    URI stream;

    @Inject
    StreamHub hub;
    @Inject
    InboxWriter inboxWriter;
    @Inject
    Event<NotificationsWritten> written;

    @Test
    void thousands_of_streams_each_get_exactly_their_persons_events_and_heartbeats_at_a_measured_cost() throws Exception {
        int persons = STREAMS / PER_PERSON;
        UUID school = UUID.randomUUID();
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            people.add(UUID.randomUUID());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long testThread = Thread.currentThread().getId();
        // What this process spends with no stream open (consumers polling, scheduled jobs): taken out below.
        Cpu background = Cpu.start(threads, testThread);
        Thread.sleep(6_000);
        double backgroundMsPerSecond = background.serverMillis() / 6.0;
        double backgroundStreamMsPerSecond = background.streamThreadsMillis() / 6.0;
        String backgroundThreads = background.byThread();
        long heapBefore = heapAfterCollection();
        try (Clients clients = new Clients(stream)) {
            for (int i = 0; i < persons * PER_PERSON; i++) {
                UUID person = people.get(i % persons);
                clients.open(person, TestTokens.parent(person, school));
            }
            int streams = persons * PER_PERSON;
            await().atMost(Duration.ofSeconds(120)).until(() -> clients.opened() == streams && hub.openStreams() == streams);
            // The client's side of the streams is in this heap too: a few hundred bytes each (a socket channel, a buffer).
            double heapPerStream = (heapAfterCollection() - heapBefore) / (double) streams;

            Map<UUID, Integer> expected = new ConcurrentHashMap<>();
            // Warm-up: the same work once, so that what is measured runs compiled.
            long warmUp = sendRounds(people, school, expected, 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> clients.events() >= warmUp);
            clients.clearLatencies();

            // Idle: only heartbeats (every 2 s here).
            Cpu idle = Cpu.start(threads, testThread, clients.thread);
            long pingsBefore = clients.pings();
            Thread.sleep(6_000);
            long pings = clients.pings() - pingsBefore;
            double idleMs = idle.serverMillis() - backgroundMsPerSecond * 6.0;
            double idleStreamMs = idle.streamThreadsMillis() - backgroundStreamMsPerSecond * 6.0;
            String idleThreads = idle.byThread();

            // Events: ROUNDS transactions of ROWS_PER_ROUND rows, each woken like the fan-out's.
            Cpu busy = Cpu.start(threads, testThread, clients.thread);
            long deliveredBefore = clients.events();
            long busyStart = System.nanoTime();
            long deliveries = sendRounds(people, school, expected, 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> clients.events() - deliveredBefore >= deliveries);
            double seconds = (System.nanoTime() - busyStart) / 1e9;
            double busyMs = busy.serverMillis() - backgroundMsPerSecond * seconds;
            double eventStreamMs = busy.streamThreadsMillis() - backgroundStreamMsPerSecond * seconds - idleStreamMs / 6.0 * seconds;
            String busyThreads = busy.byThread();
            // Heartbeats went on meanwhile: take their cost out.
            double heartbeatMsPerSecond = idleMs / 6.0;
            double eventMs = busyMs - heartbeatMsPerSecond * seconds;

            assertThat(clients.events() - deliveredBefore).isEqualTo(deliveries);
            for (Clients.Stream s : clients.streams) {
                assertThat(s.events).as("events of a stream of %s", s.person).isEqualTo(expected.getOrDefault(s.person, 0));
                assertThat(s.outOfOrder).isFalse();
            }
            assertThat(pings).as("heartbeats in 6 s at 2 s each").isGreaterThanOrEqualTo(2L * streams);
            long[] latency = clients.latenciesMicros();
            String report = String.format("""
                            stream cost: %d streams (%d persons × %d), heartbeat every 2 s, %d rounds of %d rows every %d ms
                            stream cost: background (no stream open): %.0f ms CPU per second, taken out of what follows; by thread: %s
                            stream cost: the streams' threads (event loops, feeder): %.1f µs CPU per heartbeat, %.1f µs CPU per delivered event
                            stream cost: the whole process (GC and JIT included; the background's share taken out, which is noisy):
                            stream cost: idle: %.0f ms CPU in 6 s for %d heartbeats = %.1f µs CPU per heartbeat; by thread: %s
                            stream cost: events: %d deliveries in %.1f s, %.0f ms CPU (%.0f without heartbeats) = %.1f µs CPU per delivered event; by thread: %s
                            stream cost: heap per stream (after a full collection, the client's share included): %.1f KB
                            stream cost: row committed → read by the client: p50 %.1f ms, p99 %.1f ms, max %.1f ms
                            """, streams, persons, PER_PERSON, ROUNDS, ROWS_PER_ROUND, ROUND_EVERY.toMillis(),
                    backgroundMsPerSecond, backgroundThreads,
                    idleStreamMs * 1000 / pings, eventStreamMs * 1000 / deliveries,
                    idleMs, pings, idleMs * 1000 / pings, idleThreads,
                    deliveries, seconds, busyMs, eventMs, eventMs * 1000 / deliveries, busyThreads, heapPerStream / 1024,
                    percentile(latency, 50) / 1000.0, percentile(latency, 99) / 1000.0, latency[latency.length - 1] / 1000.0);
            System.out.print(report);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "stream-cost.txt"), report);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.openStreams() == 0);
    }

    /** ROUNDS transactions of ROWS_PER_ROUND rows, each woken like the fan-out's; returns the deliveries due. */
    private long sendRounds(List<UUID> people, UUID school, Map<UUID, Integer> expected, int offset) throws InterruptedException {
        int persons = people.size();
        for (int round = 0; round < ROUNDS; round++) {
            List<InboxWriter.Row> rows = new ArrayList<>();
            for (int r = 0; r < ROWS_PER_ROUND; r++) {
                UUID person = people.get((round * ROWS_PER_ROUND + r + offset * 7) % persons);
                expected.merge(person, 1, Integer::sum);
                rows.add(new InboxWriter.Row(UUID.randomUUID(), "absence", new Notice(person, school, UUID.randomUUID(), "Zoé",
                        "Absence de Zoé", "sent:" + System.nanoTime() + ":", "/vie-scolaire", Instant.now(), null)));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                inboxWriter.write(rows);
                written.fire(new NotificationsWritten(rows.size(), 0));
            });
            Thread.sleep(ROUND_EVERY.toMillis());
        }
        return (long) ROUNDS * ROWS_PER_ROUND * PER_PERSON;
    }

    private static long heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** CPU of this process over a span, the load's own threads (the client, the test) left out. */
    private record Cpu(ThreadMXBean threads, long processStart, long[] excluded, long[] excludedStart, Map<Long, Long> perThread) {

        static Cpu start(ThreadMXBean threads, long... excluded) {
            long[] at = Arrays.stream(excluded).map(threads::getThreadCpuTime).toArray();
            return new Cpu(threads, processCpu(), excluded, at, snapshot(threads));
        }

        double serverMillis() {
            long spent = processCpu() - processStart;
            for (int i = 0; i < excluded.length; i++) {
                spent -= threads.getThreadCpuTime(excluded[i]) - excludedStart[i];
            }
            return spent / 1e6;
        }

        /** CPU of the threads that serve the streams (the event loops, the feeder) since the start, in ms. */
        double streamThreadsMillis() {
            double ms = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && (info.getThreadName().startsWith("vert.x-eventloop-thread")
                        || info.getThreadName().equals("notification-stream-feeder"))) {
                    ms += (threads.getThreadCpuTime(info.getThreadId()) - perThread.getOrDefault(info.getThreadId(), 0L)) / 1e6;
                }
            }
            return ms;
        }

        /** The Java threads' share since the start, in ms, by thread name without its number (GC and JIT are not Java threads). */
        String byThread() {
            Map<String, Double> groups = new java.util.TreeMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null || Arrays.stream(excluded).anyMatch(id -> id == info.getThreadId())) {
                    continue;
                }
                long now = threads.getThreadCpuTime(info.getThreadId());
                double ms = (now - perThread.getOrDefault(info.getThreadId(), 0L)) / 1e6;
                groups.merge(info.getThreadName().replaceAll("[-\\d]+$", ""), ms, Double::sum);
            }
            return groups.entrySet().stream().filter(e -> e.getValue() >= 5)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format("%s %.0f", e.getKey(), e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        private static Map<Long, Long> snapshot(ThreadMXBean threads) {
            Map<Long, Long> at = new java.util.HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                at.put(id, threads.getThreadCpuTime(id));
            }
            return at;
        }

        private static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }

    /** Many SSE clients on one selector thread: counts each stream's events and heartbeats, in order. */
    static final class Clients implements AutoCloseable {

        final List<Stream> streams = new ArrayList<>();
        final long thread;
        private final URI uri;
        private final Selector selector;
        private final Thread loop;
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong pings = new AtomicLong();
        private final AtomicLong opened = new AtomicLong();
        private final List<Long> latencies = new ArrayList<>();
        private volatile boolean running = true;
        private final java.util.concurrent.ConcurrentLinkedQueue<Stream> toRegister = new java.util.concurrent.ConcurrentLinkedQueue<>();

        static final class Stream {
            final UUID person;
            final SocketChannel channel;
            final ByteBuffer request;
            final StringBuilder pending = new StringBuilder();
            int events;
            long lastSeq;
            boolean outOfOrder;
            boolean open;

            Stream(UUID person, SocketChannel channel, ByteBuffer request) {
                this.person = person;
                this.channel = channel;
                this.request = request;
            }
        }

        Clients(URI uri) throws IOException {
            this.uri = uri;
            selector = Selector.open();
            loop = new Thread(this::run, "stream-cost-client");
            loop.setDaemon(true);
            loop.start();
            thread = loop.getId();
        }

        void open(UUID person, String token) throws IOException {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
            channel.configureBlocking(false);
            String head = "GET " + uri.getPath() + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n";
            Stream s = new Stream(person, channel, ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            synchronized (streams) {
                streams.add(s);
            }
            toRegister.add(s);
            selector.wakeup();
        }

        long opened() {
            return opened.get();
        }

        long events() {
            return events.get();
        }

        long pings() {
            return pings.get();
        }

        void clearLatencies() {
            synchronized (latencies) {
                latencies.clear();
            }
        }

        long[] latenciesMicros() {
            synchronized (latencies) {
                return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            }
        }

        private void run() {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (running) {
                    for (Stream s; (s = toRegister.poll()) != null; ) {
                        s.channel.register(selector, SelectionKey.OP_WRITE | SelectionKey.OP_READ, s);
                    }
                    selector.select(100);
                    for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                        SelectionKey key = it.next();
                        it.remove();
                        Stream s = (Stream) key.attachment();
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isWritable()) {
                            s.channel.write(s.request);
                            if (!s.request.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        }
                        if (key.isReadable()) {
                            buffer.clear();
                            int n = s.channel.read(buffer);
                            if (n < 0) {
                                key.cancel();
                                continue;
                            }
                            long now = System.nanoTime();
                            s.pending.append(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
                            parse(s, now);
                        }
                    }
                }
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /** Whole lines only; chunk-size lines of the chunked encoding are simply not SSE fields. */
        private void parse(Stream s, long now) {
            int end;
            while ((end = s.pending.indexOf("\n")) >= 0) {
                String line = s.pending.substring(0, end).trim();
                s.pending.delete(0, end + 1);
                if (line.equals(":open") && !s.open) {
                    s.open = true;
                    opened.incrementAndGet();
                } else if (line.equals(":ping")) {
                    pings.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    long seq = Long.parseLong(line.substring(3).trim());
                    s.outOfOrder |= seq <= s.lastSeq;
                    s.lastSeq = seq;
                    s.events++;
                    events.incrementAndGet();
                } else if (line.startsWith("data:")) {
                    int at = line.indexOf("sent:");
                    if (at >= 0) {
                        long sent = Long.parseLong(line.substring(at + 5, line.indexOf(':', at + 5)));
                        synchronized (latencies) {
                            latencies.add((now - sent) / 1000);
                        }
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            running = false;
            selector.wakeup();
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (streams) {
                for (Stream s : streams) {
                    s.channel.close();
                }
            }
            selector.close();
        }
    }
}
