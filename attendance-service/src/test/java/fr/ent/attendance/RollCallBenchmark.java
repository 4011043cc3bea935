package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The roll-call benchmark (bench/attendance/run.sh): concurrent teachers submit the roll calls of
 * 30-pupil classes over HTTP on 127.0.0.1 for a bounded time; marks, entries and outbox rows are
 * counted in the database, and the relay's publishing to Kafka is timed until it has drained.
 * Runs only with -Dbench=true.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RollCallBenchmark {

    static final int CLASSES = Integer.getInteger("bench.classes", 100);
    static final int PUPILS = 30;
    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);

    @Inject
    DirectoryProjection projection;

    @Inject
    AgroalDataSource db;

    @TestHTTPResource("/api/attendance/registers")
    URL registers;

    record Klass(UUID id, UUID teacher, String token, List<UUID> pupils) {
    }

    @Test
    void roll_calls_of_30_pupil_classes() throws Exception {
        UUID school = UUID.randomUUID();
        List<Klass> classes = seed(school);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        AtomicInteger slot = new AtomicInteger();
        LocalDate today = World.today();

        run(classes, http, slot, today, WARMUP_SECONDS, new AtomicLong(), new AtomicLong());
        long marksBefore = count("select count(*) from mark");
        long entriesBefore = count("select count(*) from attendance_entry");
        long outboxBefore = count("select count(*) from ent_outbox");
        awaitDrained(Duration.ofMinutes(2));

        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        run(classes, http, slot, today, SECONDS, ok, failed);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long marks = count("select count(*) from mark") - marksBefore;
        long entries = count("select count(*) from attendance_entry") - entriesBefore;
        long events = count("select count(*) from ent_outbox") - outboxBefore;
        long drainStart = System.nanoTime();
        awaitDrained(Duration.ofMinutes(5));
        double drained = (System.nanoTime() - drainStart) / 1e9;
        long published = count("select count(*) from ent_outbox where published_at is not null") - outboxBefore;

        System.out.printf("""
                BENCH-RESULT clients=%d classes=%d pupils_per_class=%d seconds=%.1f
                BENCH-RESULT registers_ok=%d registers_failed=%d registers_per_s=%.1f
                BENCH-RESULT marks=%d marks_per_s=%.0f
                BENCH-RESULT entries=%d outbox_events=%d events_per_s=%.0f
                BENCH-RESULT published_to_kafka=%d relay_drain_after_load_s=%.1f
                """, CLIENTS, CLASSES, PUPILS, elapsed, ok.get(), failed.get(), ok.get() / elapsed, marks, marks / elapsed,
                entries, events, events / elapsed, published, drained);
    }

    private void run(List<Klass> classes, HttpClient http, AtomicInteger slot, LocalDate today, int seconds,
                     AtomicLong ok, AtomicLong failed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (System.nanoTime() < deadline) {
                    int n = slot.getAndIncrement();
                    Klass k = classes.get(n % classes.size());
                    int lesson = n / classes.size();
                    // ten lessons a day, going back one day every ten lessons
                    LocalDate date = today.minusDays(1 + lesson / 10);
                    String startsAt = String.format("%02d:00", 8 + lesson % 10);
                    String endsAt = String.format("%02d:55", 8 + lesson % 10);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(registers.toString()))
                            .header("Authorization", "Bearer " + k.token())
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", "bench-" + n + "-" + k.id())
                            .POST(HttpRequest.BodyPublishers.ofString(body(k, date, startsAt, endsAt))).build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                            ok.incrementAndGet();
                        } else {
                            if (failed.incrementAndGet() < 5) {
                                System.out.println("BENCH-ERROR " + response.statusCode() + " " + response.body());
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    }

    /** A typical register: most present, about 6% absent, 3% late, 1% leaving early. */
    private static String body(Klass k, LocalDate date, String startsAt, String endsAt) {
        StringBuilder json = new StringBuilder(3000);
        json.append("{\"groupId\":\"").append(k.id()).append("\",\"subject\":\"Mathématiques\",\"date\":\"").append(date)
                .append("\",\"startsAt\":\"").append(startsAt).append("\",\"endsAt\":\"").append(endsAt).append("\",\"marks\":[");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < k.pupils().size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"pupilId\":\"").append(k.pupils().get(i)).append("\",\"status\":");
            int r = random.nextInt(100);
            if (r < 6) {
                json.append("\"ABSENT\"}");
            } else if (r < 9) {
                json.append("\"LATE\",\"lateMinutes\":").append(1 + random.nextInt(20)).append('}');
            } else if (r < 10) {
                json.append("\"LEFT_EARLY\",\"leftAt\":\"").append(startsAt, 0, 3).append("30\"}");
            } else {
                json.append("\"PRESENT\"}");
            }
        }
        return json.append("]}").toString();
    }

    private List<Klass> seed(UUID school) {
        List<Klass> classes = new ArrayList<>();
        List<IdentityEvent> events = new ArrayList<>();
        events.add(DirectoryEvents.school(school, "Collège du banc d'essai"));
        LocalDate start = World.today().minusYears(1);
        for (int c = 0; c < CLASSES; c++) {
            UUID id = UUID.randomUUID();
            UUID teacher = UUID.randomUUID();
            List<UUID> pupils = new ArrayList<>();
            events.add(DirectoryEvents.classGroup(id, school, "C" + c, "4e"));
            events.add(DirectoryEvents.teacher(teacher, "Prof", "N" + c, school));
            events.add(DirectoryEvents.teaching(teacher, school, id, "Mathématiques"));
            for (int p = 0; p < PUPILS; p++) {
                UUID pupil = UUID.randomUUID();
                pupils.add(pupil);
                events.add(DirectoryEvents.pupil(pupil, school, "E" + p, "C" + c));
                events.add(DirectoryEvents.enrolment(pupil, school, id, start, null));
            }
            // long-lived tokens: the benchmark outlasts the default five minutes
            classes.add(new Klass(id, teacher, TestTokens.person(teacher).roles("teacher").schools(school)
                    .lifetime(Duration.ofHours(1)).sign(), pupils));
        }
        for (int i = 0; i < events.size(); i += 2000) {
            List<IdentityEvent> chunk = events.subList(i, Math.min(events.size(), i + 2000));
            QuarkusTransaction.requiringNew().run(() -> chunk.forEach(e -> projection.apply(DirectoryEvents.event(e))));
        }
        return classes;
    }

    private void awaitDrained(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (count("select count(*) from ent_outbox where published_at is null") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private long count(String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
