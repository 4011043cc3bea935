import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drives a running notification-service through the real Kafka broker, as identity-service and
 * attendance-service would (CloudEvents, binary mode), and reads the results from its database.
 *
 *   (a) one event for 3,000 recipients: time until every inbox row is committed;
 *   (b) absences at a fixed rate: event-to-inbox latency (inbox row's insert time minus the send time).
 *
 * Run by bench/notification/run.sh: java -cp 'notification-service/target/quarkus-app/lib/main/*' NotificationBench.java ...
 */
public class NotificationBench {

    static KafkaProducer<String, String> producer;
    static String jdbcUrl;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        String bootstrap = a.get("bootstrap");
        jdbcUrl = a.get("jdbc");
        int recipients = Integer.parseInt(a.getOrDefault("recipients", "3000"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int pupils = Integer.parseInt(a.getOrDefault("pupils", "600"));
        int fanoutRuns = Integer.parseInt(a.getOrDefault("fanout-runs", "3"));
        Path out = Path.of(a.get("out"));

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p);

        // --- the directory: one school, its staff, pupils with two guardians each
        UUID school = UUID.randomUUID();
        UUID classId = UUID.randomUUID();
        int identityEvents = 0;
        send("ent.identity", school, "fr.ent.identity.school-upserted.v1", school,
                "{\"schoolId\":\"" + school + "\",\"uai\":\"0670099Z\",\"name\":\"Lycée du Banc d'Essai\",\"type\":\"LYCEE\","
                        + "\"academy\":\"STRASBOURG\",\"timeZone\":\"Europe/Paris\",\"version\":1}");
        send("ent.identity", classId, "fr.ent.identity.class-group-upserted.v1", school,
                "{\"classGroupId\":\"" + classId + "\",\"schoolId\":\"" + school + "\",\"name\":\"2nde 1\",\"level\":\"2NDE\","
                        + "\"kind\":\"CLASS\",\"schoolYear\":\"2026-2027\",\"version\":1}");
        identityEvents += 2;
        for (int i = 0; i < recipients; i++) {
            UUID staff = UUID.randomUUID();
            send("ent.identity", staff, "fr.ent.identity.person-upserted.v1", null, person(staff, "STAFF", "Agent" + i, school));
            identityEvents++;
        }
        UUID[] pupil = new UUID[pupils];
        for (int i = 0; i < pupils; i++) {
            pupil[i] = UUID.randomUUID();
            send("ent.identity", pupil[i], "fr.ent.identity.person-upserted.v1", null, person(pupil[i], "PUPIL", "Élève" + i, school));
            UUID enrolment = UUID.randomUUID();
            send("ent.identity", enrolment, "fr.ent.identity.enrolment-upserted.v1", school,
                    "{\"enrolmentId\":\"" + enrolment + "\",\"pupilId\":\"" + pupil[i] + "\",\"schoolId\":\"" + school
                            + "\",\"classId\":\"" + classId + "\",\"groupIds\":[],\"start\":\"2026-09-01\",\"end\":null,\"version\":1}");
            identityEvents += 2;
            for (int g = 0; g < 2; g++) {
                UUID guardian = UUID.randomUUID();
                UUID guardianship = UUID.randomUUID();
                send("ent.identity", guardian, "fr.ent.identity.person-upserted.v1", null, person(guardian, "PARENT", "Parent" + i, school));
                send("ent.identity", guardianship, "fr.ent.identity.guardianship-upserted.v1", null,
                        "{\"guardianshipId\":\"" + guardianship + "\",\"guardianId\":\"" + guardian + "\",\"pupilId\":\"" + pupil[i]
                                + "\",\"receivesCommunications\":true,\"legalResponsibility\":true,\"version\":1}");
                identityEvents += 2;
            }
        }
        producer.flush();
        long seeded = System.nanoTime();
        log("published " + identityEvents + " directory events; waiting for the projection");
        waitUntil("select count(*) from ent_processed_event where consumer = 'notification-service.directory'", identityEvents, 600);
        log(String.format("directory projected in %.1f s", (System.nanoTime() - seeded) / 1e9));

        // --- warm-up (JIT, connection pools): absences at a gentle rate
        List<UUID> warm = new ArrayList<>();
        long warmStart = System.nanoTime();
        for (int i = 0; i < rate * 10; i++) {
            long due = warmStart + i * (TimeUnit.SECONDS.toNanos(1) / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            warm.add(absence(pupil[i % pupils], school, classId));
        }
        producer.flush();
        waitUntil("select count(distinct event_id) from notification where event_id = any('" + array(warm) + "'::uuid[])", warm.size(), 120);
        log("warm-up done");

        // --- (a) one event, 3,000+ recipients
        List<double[]> fanouts = new ArrayList<>();
        for (int run = 0; run < fanoutRuns; run++) {
            UUID pupilOfAlert = pupil[pupils - 1 - run];
            UUID eventId = UUID.randomUUID();
            long t0 = System.nanoTime();
            Instant sentAt = Instant.now();
            send(eventId, "ent.attendance", pupilOfAlert, "fr.ent.attendance.absence-threshold-reached.v1", school,
                    "{\"pupilId\":\"" + pupilOfAlert + "\",\"schoolId\":\"" + school + "\",\"month\":\"2026-11\",\"unjustifiedHalfDays\":4}", true);
            int expected = recipients + 2;
            long seen;
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                 PreparedStatement q = c.prepareStatement("select count(*) from notification where event_id = ?")) {
                q.setObject(1, eventId);
                do {
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        seen = rs.getLong(1);
                    }
                    if (seen < expected) {
                        Thread.sleep(5);
                    }
                } while (seen < expected && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60));
            }
            double observed = (System.nanoTime() - t0) / 1e6;
            double[] insert = insertSpan(eventId, sentAt);
            fanouts.add(new double[]{seen, observed, insert[0], insert[1]});
            log(String.format("fan-out run %d: %d inbox rows visible %.0f ms after sending (rows inserted %.0f..%.0f ms after sending)",
                    run + 1, seen, observed, insert[0], insert[1]));
            Thread.sleep(1000);
        }

        // --- (b) absences at a fixed rate
        int total = rate * seconds;
        Map<UUID, Instant> sent = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                if (wait > 200_000) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    Thread.onSpinWait();
                }
            }
            UUID p0 = pupil[ThreadLocalRandom.current().nextInt(pupils)];
            UUID eventId = UUID.randomUUID();
            sent.put(eventId, Instant.now());
            send(eventId, "ent.attendance", p0, "fr.ent.attendance.absence-recorded.v1", school, absenceJson(p0, school, classId), false);
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        producer.flush();
        log(String.format("sent %d absences in %.1f s (%.0f/s); waiting for the inboxes", total, sendSeconds, total / sendSeconds));
        List<UUID> ids = new ArrayList<>(sent.keySet());
        waitUntil("select count(distinct event_id) from notification where event_id = any('" + array(ids) + "'::uuid[])", total, 120);
        double drained = (System.nanoTime() - start) / 1e9;

        double[] latencies = new double[total];
        int n = 0;
        Map<Integer, List<Double>> byWindow = new java.util.TreeMap<>();
        Instant first = sent.values().stream().min(Instant::compareTo).orElseThrow();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement q = c.prepareStatement(
                     "select event_id, max(created_at) from notification where event_id = any(?) group by event_id")) {
            q.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Instant sentAt = sent.get(rs.getObject(1, UUID.class));
                    latencies[n] = ms(sentAt, rs.getTimestamp(2).toInstant());
                    byWindow.computeIfAbsent((int) (ms(first, sentAt) / 5000), w -> new ArrayList<>()).add(latencies[n]);
                    n++;
                }
            }
        }
        latencies = Arrays.copyOf(latencies, n);
        Arrays.sort(latencies);
        double p50 = pct(latencies, 50), p90 = pct(latencies, 90), p99 = pct(latencies, 99), max = latencies[n - 1];
        log(String.format("event-to-inbox latency over %d events at %d/s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                n, rate, p50, p90, p99, max));

        StringBuilder md = new StringBuilder();
        md.append("# notification-service benchmark — ").append(LocalDate.now()).append("\n\n");
        md.append("Machine: 2 cores (shared with other work), one notification-service JVM, PostgreSQL 15 (Debian, fsync off), ")
          .append("one Kafka broker (KRaft), all on 127.0.0.1. Events published as the other services publish them ")
          .append("(CloudEvents binary mode on ent.identity / ent.attendance). E-mail: mock mailer (not measured).\n\n");
        md.append("Directory: 1 school, ").append(recipients).append(" staff, ").append(pupils).append(" pupils with 2 guardians each (")
          .append(identityEvents).append(" identity events, projected in ")
          .append(String.format("%.1f", (System.nanoTime() - seeded) / 1e9)).append(" s incl. the rest of the run).\n\n");
        md.append("## (a) one event for ").append(recipients + 2).append(" recipients (goal: every inbox within 2 s)\n\n");
        md.append("An absence-threshold alert goes to the pupil's guardians and to every staff member of the school: ")
          .append("one event, one batched insert of ").append(recipients + 2).append(" inbox rows and as many e-mail deliveries.\n\n");
        md.append("| run | rows | all visible after (polled) | rows inserted between |\n|---|---|---|---|\n");
        for (int i = 0; i < fanouts.size(); i++) {
            double[] f = fanouts.get(i);
            md.append(String.format("| %d | %.0f | %.0f ms | %.0f – %.0f ms |%n", i + 1, f[0], f[1], f[2], f[3]));
        }
        md.append("\n## (b) event-to-inbox latency at ").append(rate).append(" events/s (goal: p99 ≤ 250 ms)\n\n");
        md.append(String.format("%d absence-recorded events over %.1f s (each to 2 guardians: %d inbox rows), all in the inboxes %.1f s after the first was sent.%n%n",
                total, sendSeconds, 2 * total, drained));
        md.append("Latency = the inbox row's insert time (PostgreSQL `clock_timestamp()`, committed right after) minus the send time in the ")
          .append("publisher (same machine clock).\n\n");
        md.append("| events | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n");
        md.append(String.format("| %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", n, p50, p90, p99, max));
        md.append("\nBy 5-second window of sending time:\n\n| window | events | p50 | p99 | max |\n|---|---|---|---|---|\n");
        byWindow.forEach((w, l) -> {
            double[] v = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            md.append(String.format("| %d–%d s | %d | %.1f ms | %.1f ms | %.1f ms |%n", w * 5, w * 5 + 5, v.length, pct(v, 50), pct(v, 99), v[v.length - 1]));
            log(String.format("  %3d-%3d s: %d events, p50 %.1f ms, p99 %.1f ms, max %.1f ms", w * 5, w * 5 + 5, v.length, pct(v, 50), pct(v, 99), v[v.length - 1]));
        });
        md.append("\nLoad average of the machine when the run ended (other work shares it): ")
          .append(Files.readString(Path.of("/proc/loadavg")).trim()).append("\n");
        Files.writeString(out, md.toString());
        log("wrote " + out);
        producer.close();
    }

    static double[] insertSpan(UUID eventId, Instant sentAt) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement q = c.prepareStatement("select min(created_at), max(created_at) from notification where event_id = ?")) {
            q.setObject(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return new double[]{ms(sentAt, rs.getTimestamp(1).toInstant()), ms(sentAt, rs.getTimestamp(2).toInstant())};
            }
        }
    }

    static double ms(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1e6;
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String array(List<UUID> ids) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            s.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return s.append('}').toString();
    }

    static void waitUntil(String countSql, long expected, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            while (true) {
                long count;
                try (PreparedStatement q = c.prepareStatement(countSql); ResultSet rs = q.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count >= expected) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out: " + count + "/" + expected + " for " + countSql.substring(0, Math.min(80, countSql.length())));
                }
                Thread.sleep(100);
            }
        }
    }

    static UUID absence(UUID pupil, UUID school, UUID classId) {
        UUID id = UUID.randomUUID();
        send(id, "ent.attendance", pupil, "fr.ent.attendance.absence-recorded.v1", school, absenceJson(pupil, school, classId), false);
        return id;
    }

    static String absenceJson(UUID pupil, UUID school, UUID classId) {
        OffsetDateTime start = OffsetDateTime.of(2026, 11, 24, 8, 0, 0, 0, ZoneOffset.ofHours(1));
        return "{\"absenceId\":\"" + UUID.randomUUID() + "\",\"pupilId\":\"" + pupil + "\",\"schoolId\":\"" + school
                + "\",\"classId\":\"" + classId + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusHours(1)
                + "\",\"lessonId\":null,\"reasonCode\":null,\"justified\":false}";
    }

    static String person(UUID id, String role, String firstName, UUID school) {
        return "{\"personId\":\"" + id + "\",\"role\":\"" + role + "\",\"firstName\":\"" + firstName
                + "\",\"lastName\":\"Banc\",\"schoolIds\":[\"" + school + "\"],\"active\":true,\"version\":1}";
    }

    static void send(String topic, UUID key, String type, UUID school, String json) {
        send(UUID.randomUUID(), topic, key, type, school, json, false);
    }

    static void send(UUID id, String topic, UUID key, String type, UUID school, String json, boolean sync) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, key.toString(), json);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", id.toString());
        header(r, "ce_source", "/bench");
        header(r, "ce_type", type);
        header(r, "ce_time", OffsetDateTime.now().toString());
        header(r, "ce_subject", key.toString());
        if (school != null) {
            header(r, "ce_schoolid", school.toString());
        }
        header(r, "content-type", "application/json");
        Future<?> f = producer.send(r);
        if (sync) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    static void log(String s) {
        System.err.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), s);
    }
}
