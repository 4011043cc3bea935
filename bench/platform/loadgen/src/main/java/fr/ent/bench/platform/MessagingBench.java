package fr.ent.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.bench.platform.Platform.Answer;
import fr.ent.bench.platform.Platform.Session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static fr.ent.bench.platform.Load.parallel;
import static fr.ent.bench.platform.Load.pct;

/**
 * messaging-service through the gateway, with the demo data of Collège Jean Moulin (issue 19's goals):
 * <ol>
 *   <li>messages sent at once by many teachers and guardians ({@code POST /api/messaging/messages}):
 *       a teacher to a guardian of a pupil they teach, a guardian to a teacher of their child, each
 *       checked against the school's rule table; messages per second and p50/p99, while recipients
 *       read their unread counts ({@code GET /api/messaging/mailbox/unread}) at a fixed rate;</li>
 *   <li>an information from the CPE to every family of the school (a broadcast to acknowledge):
 *       the time until every family's acknowledgement entry and mailbox copy exist (the answer of the
 *       broadcast, one transaction), then until the notice is in every signed-in guardian's
 *       notification inbox (each inbox polled until it holds the broadcast's link). Goal: within 2 s.</li>
 * </ol>
 * Every run adds one broadcast to the demo school and leaves the messages in the mailboxes.
 */
public final class MessagingBench {

    private final Platform platform;
    private final String password;
    private final Session cpe;
    private final String school;
    private final JsonNode demo;
    /** Class → its pupils; pupil → their guardians receiving communications; class → its teachers. */
    private final Map<String, List<String>> pupilsOf = new ConcurrentHashMap<>();
    private final Map<String, List<Person>> guardiansOf = new ConcurrentHashMap<>();
    private final Map<String, List<Person>> teachersOf = new ConcurrentHashMap<>();
    private final List<String> report = new ArrayList<>();

    private record Person(String id, Session session) {
    }

    private record Pair(Person from, Person to) {
    }

    private MessagingBench(Platform platform, Path entHome) throws Exception {
        this.platform = platform;
        this.demo = Platform.JSON.readTree(entHome.resolve("data/demo.json").toFile());
        this.password = demo.get("password").asText();
        this.cpe = platform.signIn(demo.at("/people/cpe/username").asText(), password);
        this.school = demo.at("/schools/jeanMoulin").asText();
    }

    public static void main(String[] args) {
        Options.main(args, MessagingBench::run);
    }

    private static void run(Options opt) throws Exception {
        int seconds = opt.integer("seconds", 30);
        int clients = opt.integer("clients", 16);
        int unreadPerSecond = opt.integer("unread-rate", 20);
        int guardianCount = opt.integer("guardians", 1000);
        MessagingBench bench = new MessagingBench(opt.platform(), opt.entHome());
        bench.loadDirectory(guardianCount);
        bench.messages(seconds, clients, unreadPerSecond);
        bench.broadcast(clients);
        System.out.println();
        System.out.println("| measure | figure | goal / note |");
        System.out.println("| --- | ---: | --- |");
        bench.report.forEach(System.out::println);
    }

    // ---------------------------------------------------------------- the demo school

    /** Classes, their pupils and teachers; the guardians who receive communications (up to {@code guardianCount} signed in). */
    private void loadDirectory(int guardianCount) {
        long t0 = System.nanoTime();
        pupilsOf.putAll(platform.pupilsByClass(cpe, demo.at("/classes/0750001A")));
        JsonNode teachers = platform.call(cpe, "GET", "/api/identity/people?schoolId=" + school
                + "&role=TEACHER&size=200", null).ok().json().get("items");
        parallel(8, teachers.size(), i -> {
            JsonNode t = teachers.get(i);
            platform.setPassword(t.get("username").asText(), password);
            Person teacher = new Person(t.get("id").asText(), platform.signIn(t.get("username").asText(), password));
            for (JsonNode a : platform.call(cpe, "GET", "/api/identity/people/" + teacher.id()
                    + "/teaching-assignments", null).ok().json()) {
                teachersOf.computeIfAbsent(a.get("classGroupId").asText(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(teacher);
            }
        });
        List<String> pupils = pupilsOf.values().stream().flatMap(List::stream).collect(Collectors.toList());
        Map<String, Person> byId = new ConcurrentHashMap<>();
        parallel(8, pupils.size(), i -> {
            for (JsonNode g : platform.call(cpe, "GET", "/api/identity/people/" + pupils.get(i) + "/guardians", null).ok().json()) {
                if (!g.at("/guardianship/receivesCommunications").asBoolean()) continue;
                String id = g.at("/person/id").asText();
                String username = g.at("/person/username").asText();
                Person guardian = byId.size() >= guardianCount && !byId.containsKey(id) ? null
                        : byId.computeIfAbsent(id, k -> {
                            platform.setPassword(username, password);
                            return new Person(id, platform.signIn(username, password));
                        });
                if (guardian != null) {
                    guardiansOf.computeIfAbsent(pupils.get(i), p -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(guardian);
                }
            }
        });
        System.out.printf("directory: %d classes, %d pupils, %d teachers, %d guardians receiving communications signed in (%.0f s)%n",
                pupilsOf.size(), pupils.size(), teachers.size(), byId.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** Who may write to whom under the default rule table: teacher → a guardian of a pupil they teach, and back. */
    private List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        pupilsOf.forEach((classId, pupils) -> {
            List<Person> teachers = teachersOf.getOrDefault(classId, List.of());
            if (teachers.isEmpty()) return;
            for (int i = 0; i < pupils.size(); i++) {
                Person teacher = teachers.get(i % teachers.size());
                for (Person guardian : guardiansOf.getOrDefault(pupils.get(i), List.of())) {
                    pairs.add(new Pair(teacher, guardian));
                    pairs.add(new Pair(guardian, teacher));
                }
            }
        });
        if (pairs.isEmpty()) throw new IllegalStateException("no teacher with a pupil's guardian in the demo school");
        return pairs;
    }

    // ---------------------------------------------------------------- 1. messages sent, unread counts read

    private void messages(int seconds, int clients, int unreadPerSecond) throws Exception {
        List<Pair> pairs = pairs();
        List<Person> readers = pairs.stream().map(Pair::to).distinct().collect(Collectors.toList());
        Set<Session> senders = ConcurrentHashMap.newKeySet();
        pairs.forEach(p -> senders.add(p.from().session()));
        senders.forEach(platform::refresh); // a fresh token for the whole phase
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> sendUs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> unreadUs = new ConcurrentLinkedQueue<>();
        AtomicInteger unreadFailed = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ScheduledExecutorService unread = Executors.newSingleThreadScheduledExecutor();
        unread.scheduleAtFixedRate(() -> {
            if (System.nanoTime() > end) return;
            Person reader = readers.get(ThreadLocalRandom.current().nextInt(readers.size()));
            long s = System.nanoTime();
            platform.callAsync(reader.session(), "GET", "/api/messaging/mailbox/unread", null).whenComplete((a, e) -> {
                if (e == null && a.status() == 200) {
                    unreadUs.add((System.nanoTime() - s) / 1_000);
                } else if (unreadFailed.getAndIncrement() < 3) {
                    System.out.println("unread count failed: " + (e != null ? e : a));
                }
            });
        }, 0, 1_000_000_000L / Math.max(1, unreadPerSecond), TimeUnit.NANOSECONDS);
        long t0 = System.nanoTime();
        parallel(clients, c -> {
            for (int n = 0; System.nanoTime() < end; n++) {
                Pair p = pairs.get(ThreadLocalRandom.current().nextInt(pairs.size()));
                long s = System.nanoTime();
                Answer a = platform.call(p.from().session(), "POST", "/api/messaging/messages", Map.of("schoolId", school,
                        "subject", "Bench " + c + "-" + n, "body", "Bonjour,\n\nun message du banc d'essai.\n\nCordialement",
                        "to", List.of(Map.of("personId", p.to().id()))));
                sendUs.add((System.nanoTime() - s) / 1_000);
                if (a.status() == 201) {
                    sent.incrementAndGet();
                } else if (failed.getAndIncrement() < 3) {
                    System.out.println("send failed: " + a);
                }
            }
        });
        double took = (System.nanoTime() - t0) / 1e9;
        unread.shutdown();
        unread.awaitTermination(5, TimeUnit.SECONDS);
        Platform.sleep(2_000); // the last unread counts on their way
        List<Long> send = sendUs.stream().sorted().collect(Collectors.toList());
        List<Long> counts = unreadUs.stream().sorted().collect(Collectors.toList());
        System.out.printf("messages: %d sent in %.1f s by %d people, %d failed; unread counts: %d read, %d failed%n",
                sent.get(), took, senders.size(), failed.get(), counts.size(), unreadFailed.get());
        report.add(String.format("| messages sent through the gateway, teachers ↔ guardians (%d clients, %d senders, rule table checked) | %.1f messages/s | p50 / p99 %.1f / %.1f ms, %d failed; goal: messages/s and p99 (no figure set) |",
                clients, senders.size(), sent.get() / took, pct(send, 50) / 1000.0, pct(send, 99) / 1000.0, failed.get()));
        report.add(String.format("| unread counts read meanwhile (%d/s, `GET /api/messaging/mailbox/unread`) | p50 / p99 %.1f / %.1f ms | %d read, %d failed |",
                unreadPerSecond, pct(counts, 50) / 1000.0, pct(counts, 99) / 1000.0, counts.size(), unreadFailed.get()));
    }

    // ---------------------------------------------------------------- 2. a broadcast to every family

    private void broadcast(int clients) throws Exception {
        List<Person> guardians = guardiansOf.values().stream().flatMap(List::stream).distinct().collect(Collectors.toList());
        guardians.forEach(g -> platform.refresh(g.session()));
        platform.refresh(cpe);
        long t0 = System.nanoTime();
        long sentAtMillis = System.currentTimeMillis();
        JsonNode sent = platform.call(cpe, "POST", "/api/messaging/schools/" + school + "/broadcasts", Map.of(
                "subject", "Bench – information à toutes les familles",
                "body", "Madame, Monsieur,\n\nune information du banc d'essai : merci d'en confirmer la lecture.\n\nLa vie scolaire",
                "wholeSchool", true)).ok().json();
        long answeredMs = (System.nanoTime() - t0) / 1_000_000;
        String id = sent.get("id").asText();
        int families = sent.get("families").asInt();
        int waiting = sent.get("notAcknowledged").asInt();
        // What staff see: every family's entry, none acknowledged yet.
        JsonNode view = platform.call(cpe, "GET", "/api/messaging/schools/" + school + "/broadcasts/" + id, null).ok().json();
        String link = "/messagerie/messages/" + id;
        Map<String, Long> noticedAt = new ConcurrentHashMap<>();
        Map<String, Boolean> inMailbox = new ConcurrentHashMap<>();
        long deadline = t0 + 60_000_000_000L;
        parallel(clients, c -> {
            while (noticedAt.size() < guardians.size() && System.nanoTime() < deadline) {
                for (int i = c; i < guardians.size(); i += clients) {
                    Person g = guardians.get(i);
                    if (noticedAt.containsKey(g.id())) continue;
                    JsonNode page = platform.call(g.session(), "GET", "/api/notification/inbox?size=5", null).ok().json();
                    for (JsonNode e : page.get("items")) {
                        if (link.equals(e.path("link").asText())) {
                            // when the row was written (wall clock, same machine), not when this poll came
                            // round to it: a sweep over 800 inboxes takes seconds of its own
                            noticedAt.put(g.id(), java.time.Instant.parse(e.path("createdAt").asText()).toEpochMilli() - sentAtMillis);
                            break;
                        }
                    }
                }
                Platform.sleep(20);
            }
        });
        // A sample of mailboxes: the information is in the guardian's messaging inbox.
        parallel(Math.min(clients, 8), Math.min(50, guardians.size()), i -> {
            JsonNode box = platform.call(guardians.get(i).session(), "GET", "/api/messaging/mailbox?box=INBOX&size=20", null).ok().json();
            for (JsonNode m : box.get("items")) {
                if (id.equals(m.path("id").asText())) inMailbox.put(guardians.get(i).id(), true);
            }
        });
        List<Long> ms = noticedAt.values().stream().sorted().collect(Collectors.toList());
        long last = ms.isEmpty() ? -1 : ms.get(ms.size() - 1);
        System.out.printf("broadcast: %d families (%d waiting) in the answer after %d ms, staff see %d; notices in %d of %d signed-in guardians' inboxes, last after %d ms; %d of %d sampled mailboxes hold it%n",
                families, waiting, answeredMs, view.get("families").asInt(), ms.size(), guardians.size(), last,
                inMailbox.size(), Math.min(50, guardians.size()));
        report.add(String.format("| a broadcast from the CPE to the whole school: every family's acknowledgement entry and mailbox copy (one transaction) | %d families in %d ms | %d signed-in guardians receive communications; staff see %d entries, %d waiting; %d of %d sampled mailboxes hold it |",
                families, answeredMs, guardians.size(), view.get("families").asInt(), view.get("notAcknowledged").asInt(),
                inMailbox.size(), Math.min(50, guardians.size())));
        report.add(String.format("| … and its notice in every guardian's notification inbox (the row's created_at − the send) | last after %d ms (%d of %d) | p50 / p99 %d / %d ms; goal: every inbox and notification within 2 s (%s) |",
                last, ms.size(), guardians.size(), pct(ms, 50), pct(ms, 99),
                ms.size() == guardians.size() && last <= 2_000 ? "met" : "not met"));
    }
}
