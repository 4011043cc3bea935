package fr.ent.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.bench.platform.Platform.Session;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static fr.ent.bench.platform.Load.parallel;
import static fr.ent.bench.platform.Load.pct;

/**
 * Live notification streams at scale, through the gateway (issue 22): opens streams for the demo
 * guardians of Collège Jean Moulin (several per guardian, as many tabs and devices would) at a steady
 * pace up to a target, holds them, records absences of some of their children as roll calls, and
 * reports:
 * <ul>
 *   <li>streams held (and what refused the others: 503 of a bound, 429 of the rate limit, errors);</li>
 *   <li>absence → event latency p50 / p99, over every open stream of the guardians concerned;</li>
 *   <li>an ordinary {@code GET /api/notification/inbox/unread-count} p99, idle, while the streams are held, and
 *   while they are held and the absences flow (from a client of its own);</li>
 *   <li>RSS of the gateway and of notification-service per 1,000 streams.</li>
 * </ul>
 * Streams are read without a thread each (the JDK client's line subscriber): the load generator holds
 * one socket per stream. A stream told to {@code reconnect} (token expired) is opened again with a
 * refreshed token and its Last-Event-ID, as the portal does.
 */
public final class StreamsBench {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TERM_STARTS = LocalDate.of(2026, 9, 2);

    private final Platform platform;
    private final Path entHome;
    private final String password;
    private final Session cpe;
    private final JsonNode demo;
    private final List<String> report = new ArrayList<>();

    private final Map<String, List<String>> pupilsOf = new LinkedHashMap<>();
    private final Map<String, List<Session>> teachersOf = new LinkedHashMap<>();
    /** Pupil → the sessions of their guardians who receive communications. */
    private final Map<String, List<Session>> guardiansOf = new ConcurrentHashMap<>();
    /** Guardian's username → their open streams. */
    private final Map<String, List<Stream>> streamsOf = new ConcurrentHashMap<>();

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refusedBound = new AtomicInteger();
    private final AtomicInteger refusedRate = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();
    /** "pupil|occurredAt" → when its roll call was sent (nanoTime). */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencyNs = new ConcurrentLinkedQueue<>();
    /** The same latency cut in two at the inbox row's created_at (wall clock, same machine): where the time goes. */
    private final Map<String, Long> sentAtWallMs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> toInboxMs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> inboxToStreamMs = new ConcurrentLinkedQueue<>();
    private final ExecutorService reopen = Executors.newFixedThreadPool(2);

    private StreamsBench(Platform platform, Path entHome) throws Exception {
        this.platform = platform;
        this.entHome = entHome;
        this.demo = Platform.JSON.readTree(entHome.resolve("data/demo.json").toFile());
        this.password = demo.get("password").asText();
        this.cpe = platform.signIn(demo.at("/people/cpe/username").asText(), password);
    }

    public static void main(String[] args) {
        Options.main(args, StreamsBench::run);
    }

    private static void run(Options opt) throws Exception {
        int target = opt.integer("streams", 9000);
        int openPerSecond = opt.integer("open-rate", 300);
        int guardianCount = opt.integer("guardians", 800);
        int seconds = opt.integer("seconds", 30);
        int absencesPerSecond = opt.integer("absences", 20);
        int probesPerSecond = opt.integer("probes", 20);
        Path entHome = opt.entHome();
        Platform platform = opt.platform();

        StreamsBench bench = new StreamsBench(platform, entHome);
        Processes processes = new Processes(entHome.resolve("pids"));
        bench.loadDirectory(guardianCount);
        List<Session> guardians = bench.guardiansOf.values().stream().flatMap(List::stream).distinct().collect(Collectors.toList());

        // The ordinary calls come from a client of their own, as from another family's phone: the client
        // that holds the 9,000 streams reads them all on one selector thread, which would delay its calls.
        Platform probes = opt.platform();
        List<Long> idle = unreadCounts(probes, guardians, seconds, probesPerSecond);
        Map<String, Processes.Memory> before = processes.memory();

        long t0 = System.nanoTime();
        bench.openStreams(guardians, target, openPerSecond);
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Processes.Memory> held = processes.memory();
        int heldStreams = bench.open.get();
        System.out.printf("streams: %d held of %d asked in %.0f s; refused: %d by a bound (503), %d by the rate limit (429), %d failed%n",
                heldStreams, target, openSeconds, bench.refusedBound.get(), bench.refusedRate.get(), bench.failed.get());

        List<Long> heldOnly = unreadCounts(probes, guardians, seconds, probesPerSecond);
        ScheduledExecutorService absences = bench.absences(seconds, absencesPerSecond);
        List<Long> loaded = unreadCounts(probes, guardians, seconds, probesPerSecond);
        absences.shutdown();
        absences.awaitTermination(10, TimeUnit.SECONDS);
        Platform.sleep(3_000); // the last events on their way
        List<Long> events = bench.latencyNs.stream().map(ns -> ns / 1_000_000).sorted().collect(Collectors.toList());

        bench.report.add(String.format("| streams held through the gateway (asked %d, %d guardians, opened at %d/s) | %d | opened in %.0f s; refused: %d × 503 (a bound), %d × 429 (rate limit), %d failed |",
                target, guardians.size(), openPerSecond, heldStreams, openSeconds, bench.refusedBound.get(), bench.refusedRate.get(), bench.failed.get()));
        bench.report.add(String.format("| absence → event on every open stream of the guardians concerned, p50 / p99 (%d absences/s, %d s) | %d / %d ms (%d events) | p99 ≤ 250 ms |",
                absencesPerSecond, seconds, pct(events, 50), pct(events, 99), events.size()));
        List<Long> toInbox = bench.toInboxMs.stream().sorted().collect(Collectors.toList());
        List<Long> inboxToStream = bench.inboxToStreamMs.stream().sorted().collect(Collectors.toList());
        bench.report.add(String.format("| … of which roll call sent → notification row written (attendance, outbox, Kafka, fan-out), p50 / p99 | %d / %d ms | |",
                pct(toInbox, 50), pct(toInbox, 99)));
        bench.report.add(String.format("| … of which row written → read on the stream (commit, feed, gateway, this client), p50 / p99 | %d / %d ms | |",
                pct(inboxToStream, 50), pct(inboxToStream, 99)));
        bench.report.add(String.format("| `GET /api/notification/inbox/unread-count`, p50 / p99, idle | %d / %d ms | %d/s for %d s |",
                pct(idle, 50), pct(idle, 99), probesPerSecond, seconds));
        bench.report.add(String.format("| … the same while the streams are held (heartbeats only) | %d / %d ms | |",
                pct(heldOnly, 50), pct(heldOnly, 99)));
        bench.report.add(String.format("| … the same while the streams are held and absences flow | %d / %d ms | p99 within 20 ms of idle |",
                pct(loaded, 50), pct(loaded, 99)));
        for (String name : List.of("gateway", "notification")) {
            Processes.Memory b = before.get(name), h = held.get(name);
            if (b == null || h == null) continue;
            bench.report.add(String.format("| RSS of %s: before → with the streams held; per 1,000 streams | %d → %d MB; %.1f MB | |",
                    name, b.rss() / 1024, h.rss() / 1024, heldStreams == 0 ? 0 : (h.rss() - b.rss()) / 1024.0 * 1000 / heldStreams));
        }
        bench.report.add(String.format("| streams told to reconnect (token expired) and opened again | %d | Keycloak tokens live 300 s |", bench.reconnects.get()));

        System.out.println();
        System.out.println("| measure | figure | goal / note |");
        System.out.println("| --- | ---: | --- |");
        bench.report.forEach(System.out::println);
        bench.streamsOf.values().forEach(list -> list.forEach(Stream::close));
    }

    // ---------------------------------------------------------------- the demo school

    /** Classes, pupils and teachers; the guardians who receive communications, with a password and a session. */
    private void loadDirectory(int guardianCount) {
        String school = demo.at("/schools/jeanMoulin").asText();
        pupilsOf.putAll(platform.pupilsByClass(cpe, demo.at("/classes/0750001A")));
        JsonNode teachers = platform.call(cpe, "GET", "/api/identity/people?schoolId=" + school
                + "&role=TEACHER&size=200", null).ok().json().get("items");
        parallel(8, teachers.size(), i -> {
            JsonNode t = teachers.get(i);
            platform.setPassword(t.get("username").asText(), password);
            Session s = platform.signIn(t.get("username").asText(), password);
            for (JsonNode a : platform.call(cpe, "GET", "/api/identity/people/" + t.get("id").asText()
                    + "/teaching-assignments", null).ok().json()) {
                synchronized (teachersOf) {
                    teachersOf.computeIfAbsent(a.get("classGroupId").asText(), k -> new ArrayList<>()).add(s);
                }
            }
        });
        List<String> pupils = pupilsOf.values().stream().flatMap(List::stream).collect(Collectors.toList());
        AtomicInteger signedIn = new AtomicInteger();
        Map<String, Session> byUsername = new ConcurrentHashMap<>();
        parallel(8, pupils.size(), i -> {
            if (signedIn.get() >= guardianCount) return;
            for (JsonNode g : platform.call(cpe, "GET", "/api/identity/people/" + pupils.get(i) + "/guardians", null).ok().json()) {
                if (!g.at("/guardianship/receivesCommunications").asBoolean()) continue;
                String username = g.at("/person/username").asText();
                Session s = byUsername.computeIfAbsent(username, u -> {
                    platform.setPassword(u, password);
                    signedIn.incrementAndGet();
                    return platform.signIn(u, password);
                });
                guardiansOf.computeIfAbsent(pupils.get(i), p -> new CopyOnWriteArrayList<>()).add(s);
            }
        });
        System.out.printf("directory: %d classes, %d teachers, %d guardians signed in%n", pupilsOf.size(), teachers.size(), byUsername.size());
    }

    // ---------------------------------------------------------------- streams

    /** One open stream, read by the JDK client's line subscriber (no thread of its own). */
    private final class Stream implements Flow.Subscriber<String> {
        final Session guardian;
        volatile String lastEventId;
        private Flow.Subscription subscription;
        private String event;

        Stream(Session guardian, String lastEventId) {
            this.guardian = guardian;
            this.lastEventId = lastEventId;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("id:")) {
                lastEventId = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                if ("reconnect".equals(event)) {
                    reconnects.incrementAndGet();
                    reopen.submit(() -> {
                        platform.refresh(guardian);
                        open(guardian, lastEventId);
                    });
                } else if ("notification".equals(event)) {
                    long now = System.nanoTime();
                    try {
                        JsonNode n = Platform.JSON.readTree(line.substring(5));
                        String key = n.at("/child/id").asText() + "|" + n.path("occurredAt").asText();
                        Long at = sentAt.get(key);
                        if (at != null) {
                            latencyNs.add(now - at);
                            long written = Instant.parse(n.path("createdAt").asText()).toEpochMilli();
                            toInboxMs.add(written - sentAtWallMs.get(key));
                            inboxToStreamMs.add(System.currentTimeMillis() - written);
                        }
                    } catch (Exception ignored) {
                        // not an absence of ours
                    }
                }
            } else if (line.isEmpty()) {
                event = null;
            }
        }

        @Override
        public void onError(Throwable t) {
            ended();
        }

        @Override
        public void onComplete() {
            ended();
        }

        private void ended() {
            // the stream ended (closed by a server, or the connection lost)
            if (streamsOf.getOrDefault(guardian.username, List.of()).remove(this)) {
                open.decrementAndGet();
            }
        }

        void close() {
            if (subscription != null) subscription.cancel();
        }
    }

    /**
     * Opens one stream, without waiting: the answer's status is known when its headers come (200:
     * counted open; 503: a bound; 429: the rate limit), its lines then go to the stream's subscriber.
     */
    private void open(Session guardian, String lastEventId) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(platform.gateway + "/api/notification/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + guardian.accessToken);
        if (lastEventId != null) req.header("Last-Event-ID", lastEventId);
        Stream stream = new Stream(guardian, lastEventId);
        HttpResponse.BodyHandler<Void> handler = info -> {
            if (info.statusCode() == 200) {
                streamsOf.computeIfAbsent(guardian.username, u -> new CopyOnWriteArrayList<>()).add(stream);
                open.incrementAndGet();
                return HttpResponse.BodySubscribers.fromLineSubscriber(stream, s -> null, StandardCharsets.UTF_8, null);
            }
            (info.statusCode() == 503 ? refusedBound : info.statusCode() == 429 ? refusedRate : failed).incrementAndGet();
            return HttpResponse.BodySubscribers.replacing(null);
        };
        platform.http.sendAsync(req.GET().build(), handler).whenComplete((res, e) -> {
            if (e != null && !streamsOf.getOrDefault(guardian.username, List.of()).contains(stream)) {
                failed.incrementAndGet(); // no answer at all (refused connection, too many open files)
            }
        });
    }

    /** Opens streams round-robin over the guardians at {@code perSecond}, up to {@code target}. */
    private void openStreams(List<Session> guardians, int target, int perSecond) throws Exception {
        guardians.forEach(platform::refresh); // a fresh token: streams are closed at its expiry
        long periodNs = 1_000_000_000L / Math.max(1, perSecond);
        long next = System.nanoTime();
        for (int i = 0; i < target; i++) {
            next += periodNs;
            long wait = next - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            open(guardians.get(i % guardians.size()), null);
            if (i % 1000 == 999) {
                System.out.printf("  %d asked, %d open%n", i + 1, open.get());
            }
        }
        for (int waited = 0; waited < 300 && open.get() + refusedBound.get() + refusedRate.get() + failed.get() < target; waited++) {
            Platform.sleep(100);
        }
    }

    // ---------------------------------------------------------------- absences and the ordinary call

    /**
     * Roll calls at a steady pace, each with one pupil absent whose guardians listen; returns the
     * scheduler (shut it down to stop). The latency of each absence is measured on every open stream
     * of every guardian of the pupil.
     */
    private ScheduledExecutorService absences(int seconds, int perSecond) throws Exception {
        List<String> groups = new ArrayList<>();
        Map<String, List<String>> listened = new LinkedHashMap<>();
        pupilsOf.forEach((group, pupils) -> {
            List<String> ours = pupils.stream().filter(guardiansOf::containsKey).collect(Collectors.toList());
            if (!ours.isEmpty() && teachersOf.containsKey(group)) {
                groups.add(group);
                listened.put(group, ours);
            }
        });
        LocalDate day = freshDay();
        AtomicInteger n = new AtomicInteger();
        int total = seconds * perSecond;
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        clock.scheduleAtFixedRate(() -> {
            int k = n.getAndIncrement();
            if (k >= total) return;
            String group = groups.get(k % groups.size());
            int lesson = k / groups.size();
            LocalTime starts = LocalTime.MIDNIGHT.plusMinutes(2L * lesson); // 1-minute lessons, 2 minutes apart
            List<String> candidates = listened.get(group);
            String absent = candidates.get(lesson % candidates.size());
            String key = absent + "|" + day.atTime(starts).atZone(PARIS).toInstant();
            sentAtWallMs.put(key, System.currentTimeMillis());
            sentAt.put(key, System.nanoTime());
            List<Session> teachers = teachersOf.get(group);
            platform.callAsync(teachers.get(k % teachers.size()), "POST", "/api/attendance/registers",
                    register(group, day, starts, absent)).whenComplete((a, e) -> {
                if (e != null || a.status() / 100 != 2) {
                    System.out.println("roll call failed: " + (e != null ? e : a));
                }
            });
        }, 0, 1_000_000_000L / Math.max(1, perSecond), TimeUnit.NANOSECONDS);
        return clock;
    }

    private Map<String, Object> register(String group, LocalDate day, LocalTime starts, String absent) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (String p : pupilsOf.get(group)) marks.add(Map.of("pupilId", p, "status", p.equals(absent) ? "ABSENT" : "PRESENT"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", group);
        body.put("subject", "MATHS");
        body.put("date", day.toString());
        body.put("startsAt", starts.toString());
        body.put("endsAt", starts.plusMinutes(1).toString());
        body.put("marks", marks);
        return body;
    }

    /** A past school day without any register yet, remembered in bench-days.txt like PlatformBench's. */
    private LocalDate freshDay() throws Exception {
        Path used = entHome.resolve("data/bench-days.txt");
        List<String> taken = Files.exists(used) ? Files.readAllLines(used) : List.of();
        String probe = pupilsOf.keySet().iterator().next();
        for (LocalDate d = LocalDate.now(PARIS).minusDays(14); !d.isBefore(TERM_STARTS); d = d.minusDays(1)) {
            if (!taken.contains(d.toString()) && platform.call(cpe, "GET", "/api/attendance/classes/" + probe
                    + "/day?date=" + d, null).ok().json().isEmpty()) {
                Files.writeString(used, d + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                return d;
            }
        }
        throw new IllegalStateException("no free day left for the benchmark: reset the platform (deploy/local/up --reset)");
    }

    /** The ordinary call, at a fixed rate for {@code seconds}: its latencies in ms, sorted. */
    private static List<Long> unreadCounts(Platform platform, List<Session> guardians, int seconds, int perSecond) throws Exception {
        ConcurrentLinkedQueue<Long> ms = new ConcurrentLinkedQueue<>();
        AtomicInteger n = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int total = seconds * perSecond;
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        clock.scheduleAtFixedRate(() -> {
            int k = n.getAndIncrement();
            if (k >= total) return;
            long start = System.nanoTime();
            platform.callAsync(guardians.get(k % guardians.size()), "GET", "/api/notification/inbox/unread-count", null)
                    .whenComplete((a, e) -> {
                        if (e == null && a.status() == 200) {
                            ms.add((System.nanoTime() - start) / 1_000_000);
                        } else if (errors.getAndIncrement() < 3) {
                            System.out.println("unread-count failed: " + (e != null ? e : a.status() + " " + a.body()));
                        }
                    });
        }, 0, 1_000_000_000L / Math.max(1, perSecond), TimeUnit.NANOSECONDS);
        while (n.get() < total) Platform.sleep(100);
        clock.shutdown();
        Platform.sleep(2_000);
        System.out.printf("unread-count: %d answered of %d, %d failed%n", ms.size(), total, errors.get());
        return ms.stream().sorted().collect(Collectors.toList());
    }
}
