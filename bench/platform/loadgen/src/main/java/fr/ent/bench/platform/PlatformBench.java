package fr.ent.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.bench.platform.Platform.Answer;
import fr.ent.bench.platform.Platform.Session;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static fr.ent.bench.platform.Load.parallel;
import static fr.ent.bench.platform.Load.pct;

/**
 * The whole platform under load, through the gateway, with real Keycloak tokens and the demo data
 * of Collège Jean Moulin:
 * <ol>
 *   <li>absence → guardian's SSE event: absences at a fixed rate, as roll calls with a few listened
 *       pupils absent in each, each such pupil's guardian listening on the stream; latency from sending
 *       the roll call to each guardian's event;</li>
 *   <li>roll-call marks per second: concurrent teachers submitting whole-class roll calls;</li>
 *   <li>a parent's dashboard (profile, inbox, unread count, each child's attendance record) per second;</li>
 *   <li>resident memory of every process of the platform at rest and at its peak under that load.</li>
 * </ol>
 * Prints a Markdown table. Lessons are placed on past school days that have no register yet (the
 * days used are remembered in $ENT_HOME/data/bench-days.txt), so runs can repeat on the same data.
 */
public final class PlatformBench {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TERM_STARTS = LocalDate.of(2026, 9, 2);

    private final Platform platform;
    private final Path entHome;
    private final JsonNode demo;
    private final String password;
    private final Session cpe;
    private final Random random = new Random(7);
    private final List<String> report = new ArrayList<>();

    /** Class id → its pupils (ids) and the sessions of its teachers. */
    private final Map<String, List<String>> pupilsOf = new LinkedHashMap<>();
    private final Map<String, List<Session>> teachersOf = new LinkedHashMap<>();
    private final Map<String, String> classOf = new HashMap<>();

    private PlatformBench(Platform platform, Path entHome) throws Exception {
        this.platform = platform;
        this.entHome = entHome;
        this.demo = Platform.JSON.readTree(entHome.resolve("data/demo.json").toFile());
        this.password = demo.get("password").asText();
        this.cpe = platform.signIn(demo.at("/people/cpe/username").asText(), password);
    }

    public static void main(String[] args) {
        Options.main(args, PlatformBench::run);
    }

    private static void run(Options opt) throws Exception {
        int seconds = opt.integer("seconds", 30);
        int rate = opt.integer("rate", 200);
        int listeners = opt.integer("listeners", 96);
        int clients = opt.integer("clients", 16);
        int absentPerRollCall = opt.integer("absent-per-roll-call", 4);
        int warmUp = opt.integer("warm-up", 15);
        Path entHome = opt.entHome();
        Platform platform = opt.platform();

        PlatformBench bench = new PlatformBench(platform, entHome);
        Processes processes = new Processes(entHome.resolve("pids"));
        Map<String, Processes.Memory> atRest = processes.memory();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(processes::sample, 0, 1, TimeUnit.SECONDS);

        bench.loadDirectory();
        if (warmUp > 0) bench.rollCalls(warmUp, clients, false); // JIT-compiles the roll-call path first
        List<Session> guardians = bench.absenceToStream(seconds, rate, listeners, absentPerRollCall);
        bench.rollCalls(seconds, clients, true);
        bench.dashboards(seconds, clients, guardians);
        sampler.shutdownNow();

        System.out.println();
        System.out.println("| measure | figure | goal / note |");
        System.out.println("| --- | ---: | --- |");
        bench.report.forEach(System.out::println);
        System.out.println();
        System.out.println("| process | RSS at rest (MB) | PSS at rest (MB) | RSS peak under load (MB) | PSS peak under load (MB) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        Processes.Memory restTotal = new Processes.Memory(0, 0), peakTotal = new Processes.Memory(0, 0);
        for (var e : atRest.entrySet()) {
            Processes.Memory rest = e.getValue();
            Processes.Memory peak = rest.max(processes.peak().getOrDefault(e.getKey(), rest));
            restTotal = restTotal.plus(rest);
            peakTotal = peakTotal.plus(peak);
            System.out.printf("| %s | %d | %d | %d | %d |%n", e.getKey(), rest.rss() / 1024, rest.pss() / 1024,
                    peak.rss() / 1024, peak.pss() / 1024);
        }
        System.out.printf("| **total** | **%d** | **%d** | **%d** | **%d** |%n", restTotal.rss() / 1024,
                restTotal.pss() / 1024, peakTotal.rss() / 1024, peakTotal.pss() / 1024);
    }

    /** Classes, their pupils and their teachers (each teacher signed in once). */
    private void loadDirectory() {
        long t0 = System.nanoTime();
        String school = demo.at("/schools/jeanMoulin").asText();
        pupilsOf.putAll(platform.pupilsByClass(cpe, demo.at("/classes/0750001A")));
        pupilsOf.forEach((classId, pupils) -> pupils.forEach(p -> classOf.put(p, classId)));
        JsonNode teachers = platform.call(cpe, "GET", "/api/identity/people?schoolId=" + school
                + "&role=TEACHER&size=200", null).ok().json().get("items");
        parallel(teachers.size(), i -> {
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
        System.out.printf("directory: %d classes, %d pupils, %d teachers signed in (%.0f s)%n", pupilsOf.size(),
                classOf.size(), teachers.size(), (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------- 1. absence -> SSE latency

    private List<Session> absenceToStream(int seconds, int rate, int listenerCount, int absentPerRollCall)
            throws Exception {
        // One pupil per listener, spread over the classes; each listened to by one of their guardians.
        List<String> pupils = new ArrayList<>();
        for (int i = 0; pupils.size() < listenerCount; i++) {
            for (List<String> p : pupilsOf.values()) {
                if (i < p.size() && pupils.size() < listenerCount) pupils.add(p.get(i));
            }
        }
        Map<String, Session> guardianOf = new ConcurrentHashMap<>();
        parallel(pupils.size(), i -> {
            for (JsonNode g : platform.call(cpe, "GET", "/api/identity/people/" + pupils.get(i) + "/guardians", null)
                    .ok().json()) {
                if (g.at("/guardianship/receivesCommunications").asBoolean()) {
                    String username = g.at("/person/username").asText();
                    platform.setPassword(username, password);
                    guardianOf.put(pupils.get(i), platform.signIn(username, password));
                    return;
                }
            }
        });

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latenciesNs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> answeredNs = new ConcurrentLinkedQueue<>();
        CountDownLatch connected = new CountDownLatch(guardianOf.size());
        List<InputStream> streams = Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newCachedThreadPool();
        for (Session guardian : guardianOf.values()) {
            readers.submit(() -> listen(guardian, connected, streams, sentAt, latenciesNs));
        }
        if (!connected.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("SSE streams did not open");

        // The absences come as roll calls with several listened pupils absent each: a class's roll call
        // is one request, and 200 one-absence roll calls a second would measure the roll-call capacity
        // (~190/s on 2 cores, phase 2), not the absence's way to the family.
        Map<String, List<String>> listenedIn = new LinkedHashMap<>();
        for (String p : pupils) {
            if (guardianOf.containsKey(p)) listenedIn.computeIfAbsent(classOf.get(p), g -> new ArrayList<>()).add(p);
        }
        List<String> groups = new ArrayList<>(listenedIn.keySet());
        LocalDate day = freshDays(1);
        Map<String, AtomicInteger> slot = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger absences = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger absencesRefused = new AtomicInteger();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        int total = (int) Math.ceil((double) seconds * rate / absentPerRollCall);
        long periodNs = 1_000_000_000L * seconds / total;
        long t0 = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) return;
            String group = groups.get(n % groups.size());
            List<String> listened = listenedIn.get(group);
            int k = slot.computeIfAbsent(group, g -> new AtomicInteger()).getAndIncrement();
            LocalTime starts = LocalTime.MIDNIGHT.plusMinutes(2L * k); // 1-minute lessons, 2 minutes apart
            Set<String> absent = new LinkedHashSet<>();
            for (int i = 0; absent.size() < Math.min(absentPerRollCall, listened.size()); i++) {
                absent.add(listened.get((k * absentPerRollCall + i) % listened.size()));
            }
            String occurredAt = day.atTime(starts).atZone(PARIS).toInstant().toString();
            Map<String, Object> register = register(group, day, starts, absent);
            Session teacher = teachersOf.get(group).get(n % teachersOf.get(group).size());
            long now = System.nanoTime();
            absent.forEach(p -> sentAt.put(p + "|" + occurredAt, now));
            absences.addAndGet(absent.size());
            platform.callAsync(teacher, "POST", "/api/attendance/registers", register).whenComplete((a, e) -> {
                answeredNs.add(System.nanoTime() - now);
                if (e != null || a.status() / 100 != 2) {
                    absent.forEach(p -> sentAt.remove(p + "|" + occurredAt));
                    absencesRefused.addAndGet(absent.size());
                    if (failed.getAndIncrement() < 3) System.out.println("roll call failed: " + (e != null ? e : a));
                }
            });
        }, 0, periodNs, TimeUnit.NANOSECONDS);
        while (sent.get() < total) Platform.sleep(100);
        long sendSeconds = System.nanoTime() - t0;
        clock.shutdown();
        for (int waited = 0; waited < 200 && latenciesNs.size() < absences.get() - absencesRefused.get(); waited++) {
            Platform.sleep(100);
        }
        streams.forEach(s -> {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing ends the reader thread
            }
        });
        readers.shutdownNow();

        List<Long> ms = latenciesNs.stream().map(ns -> ns / 1_000_000).sorted().collect(Collectors.toList());
        int delivered = ms.size();
        System.out.printf("absence -> SSE: %d absences in %d roll calls sent in %.1f s, %d roll calls failed, %d events delivered%n",
                absences.get(), total, sendSeconds / 1e9, failed.get(), delivered);
        report.add(String.format("| absence recorded → guardian's SSE event, p50 / p99 (%.0f absences/s as %d-absence roll calls, %d s, %d guardians listening) | %d / %d ms | p99 ≤ 250 ms (issue 5) |",
                absences.get() / (sendSeconds / 1e9), absentPerRollCall, seconds, guardianOf.size(), pct(ms, 50), pct(ms, 99)));
        List<Long> answeredMs = answeredNs.stream().map(ns -> ns / 1_000_000).sorted().collect(Collectors.toList());
        report.add(String.format("| … of which the roll call's answer (%.0f roll calls/s), p50 / p99 | %d / %d ms | the rest is outbox → Kafka → notification → gateway → stream |",
                total / (sendSeconds / 1e9), pct(answeredMs, 50), pct(answeredMs, 99)));
        report.add(String.format("| … events delivered / absences accepted | %d / %d | %d of %d roll calls refused |",
                delivered, absences.get() - absencesRefused.get(), failed.get(), total));
        return new ArrayList<>(guardianOf.values());
    }

    private void listen(Session guardian, CountDownLatch connected, List<InputStream> streams,
                        Map<String, Long> sentAt, ConcurrentLinkedQueue<Long> latenciesNs) {
        try {
            HttpResponse<InputStream> res = platform.openStream(guardian);
            streams.add(res.body());
            connected.countDown();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.startsWith("data:")) continue;
                    long now = System.nanoTime();
                    JsonNode n = Platform.JSON.readTree(line.substring(5));
                    if (!"absence".equals(n.path("type").asText())) continue;
                    Long at = sentAt.remove(n.at("/child/id").asText() + "|" + n.path("occurredAt").asText());
                    if (at != null) latenciesNs.add(now - at);
                }
            }
        } catch (Exception e) {
            if (connected.getCount() > 0) System.out.println("stream of " + guardian.username + ": " + e);
        }
    }

    // ---------------------------------------------------------------- 2. roll-call marks per second

    private void rollCalls(int seconds, int clients, boolean measured) throws Exception {
        teachersOf.values().stream().flatMap(List::stream).distinct().forEach(platform::refresh);
        LocalDate day = freshDays(4);
        List<String> groups = new ArrayList<>(pupilsOf.keySet());
        Map<String, AtomicInteger> slot = new ConcurrentHashMap<>();
        AtomicLong marks = new AtomicLong();
        AtomicInteger registers = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencyMs = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        parallel(clients, c -> {
            Random rnd = new Random(c);
            for (int n = c; System.nanoTime() < end; n += clients) {
                String group = groups.get(n % groups.size());
                int k = slot.computeIfAbsent(group, g -> new AtomicInteger()).getAndIncrement();
                LocalDate d = day.minusDays(k / 700); // 700 one-minute lessons a day, 2 minutes apart
                LocalTime starts = LocalTime.MIDNIGHT.plusMinutes(2L * (k % 700));
                List<String> pupils = pupilsOf.get(group);
                String absent = pupils.get(rnd.nextInt(pupils.size()));
                Session teacher = teachersOf.get(group).get(rnd.nextInt(teachersOf.get(group).size()));
                long s = System.nanoTime();
                Answer a = platform.call(teacher, "POST", "/api/attendance/registers", register(group, d, starts, Set.of(absent)));
                latencyMs.add((System.nanoTime() - s) / 1_000_000);
                if (a.status() / 100 == 2) {
                    registers.incrementAndGet();
                    marks.addAndGet(pupils.size());
                } else if (refused.getAndIncrement() < 3) {
                    System.out.println("roll call refused: " + a);
                }
            }
        });
        double took = (System.nanoTime() - t0) / 1e9;
        List<Long> ms = latencyMs.stream().sorted().collect(Collectors.toList());
        System.out.printf("roll calls%s: %d registers, %d marks in %.1f s, %d refused%n", measured ? "" : " (warm-up)",
                registers.get(), marks.get(), took, refused.get());
        if (measured) report.add(String.format("| roll-call marks per second through the gateway (%d teachers' clients, 28-pupil classes) | %.0f marks/s | %.0f roll calls/s, p50 / p99 %d / %d ms, %d refused |",
                clients, marks.get() / took, registers.get() / took, pct(ms, 50), pct(ms, 99), refused.get()));
    }

    private Map<String, Object> register(String group, LocalDate day, LocalTime starts, Set<String> absent) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (String p : pupilsOf.get(group)) marks.add(Map.of("pupilId", p, "status", absent.contains(p) ? "ABSENT" : "PRESENT"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", group);
        body.put("subject", "MATHS");
        body.put("date", day.toString());
        body.put("startsAt", starts.toString());
        body.put("endsAt", starts.plusMinutes(1).toString());
        body.put("marks", marks);
        return body;
    }

    /**
     * The last of {@code count} consecutive past days on which no register exists yet, remembered so
     * that the next run takes others (a roll-call phase may spill onto the days before its first).
     */
    private LocalDate freshDays(int count) throws Exception {
        Path used = entHome.resolve("data/bench-days.txt");
        List<String> taken = Files.exists(used) ? Files.readAllLines(used) : List.of();
        String probe = pupilsOf.keySet().iterator().next();
        // from two weeks ago backwards: the last days are the demo's and the end-to-end tests' own
        LocalDate last = LocalDate.now(PARIS).minusDays(14);
        while (!last.minusDays(count - 1).isBefore(TERM_STARTS)) {
            LocalDate first = last.minusDays(count - 1);
            boolean free = true;
            for (LocalDate d = first; free && !d.isAfter(last); d = d.plusDays(1)) {
                free = !taken.contains(d.toString()) && platform.call(cpe, "GET", "/api/attendance/classes/" + probe
                        + "/day?date=" + d, null).ok().json().isEmpty();
            }
            if (free) {
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    Files.writeString(used, d + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                return last;
            }
            last = last.minusDays(1);
        }
        throw new IllegalStateException("no free day left for the benchmark: reset the platform (deploy/local/up --reset)");
    }

    // ---------------------------------------------------------------- 3. parent's dashboard

    private void dashboards(int seconds, int clients, List<Session> parents) {
        parents.forEach(platform::refresh);
        Map<Session, List<String>> children = new ConcurrentHashMap<>();
        parents.forEach(p -> {
            List<String> ids = new ArrayList<>();
            platform.call(p, "GET", "/api/identity/me", null).ok().json().path("children")
                    .forEach(c -> ids.add(c.at("/person/id").asText()));
            children.put(p, ids);
        });
        String month = LocalDate.now(PARIS).toString().substring(0, 7);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencyMs = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        parallel(clients, c -> {
            for (int n = c; System.nanoTime() < end; n += clients) {
                Session parent = parents.get(n % parents.size());
                long s = System.nanoTime();
                List<Answer> answers = new ArrayList<>();
                answers.add(platform.call(parent, "GET", "/api/identity/me", null));
                answers.add(platform.call(parent, "GET", "/api/notification/inbox?size=20", null));
                answers.add(platform.call(parent, "GET", "/api/notification/inbox/unread-count", null));
                for (String child : children.get(parent)) {
                    answers.add(platform.call(parent, "GET", "/api/attendance/pupils/" + child + "/record?month=" + month, null));
                }
                latencyMs.add((System.nanoTime() - s) / 1_000_000);
                requests.addAndGet(answers.size());
                if (answers.stream().allMatch(a -> a.status() == 200)) {
                    done.incrementAndGet();
                } else if (refused.getAndIncrement() < 3) {
                    System.out.println("dashboard failed: " + answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow());
                }
            }
        });
        double took = (System.nanoTime() - t0) / 1e9;
        List<Long> ms = latencyMs.stream().sorted().collect(Collectors.toList());
        System.out.printf("dashboards: %d in %.1f s (%d requests), %d failed%n", done.get(), took, requests.get(), refused.get());
        report.add(String.format("| parent's dashboard reads per second through the gateway (%d clients, %d parents; profile + inbox + unread count + each child's record) | %.0f dashboards/s | %.0f requests/s, p50 / p99 %d / %d ms per dashboard, %d failed |",
                clients, parents.size(), done.get() / took, requests.get() / took, pct(ms, 50), pct(ms, 99), refused.get()));
    }
}
