package fr.ent.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.bench.platform.Platform.Answer;
import fr.ent.bench.platform.Platform.Session;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static fr.ent.bench.platform.Load.parallel;
import static fr.ent.bench.platform.Load.pct;

/**
 * grades-service through the gateway, with the demo data of Collège Jean Moulin (or another school
 * imported with identity's roster, {@code --school=<id>}):
 * <ol>
 *   <li>a class's marks entered and published: Claire Martin sets an assessment for 4A (coefficient 0:
 *       shown, never counted, so the demo's averages stay as they are), enters every pupil's mark in
 *       one request and publishes it; assessments per second and requests per second;</li>
 *   <li>a pupil's marks page ({@code GET /api/grades/pupils/{id}/marks}) read by the guardian: requests
 *       per second, p50/p99, with concurrent clients;</li>
 *   <li>the report cards of every class of the school generated at once by the staff for the
 *       school-wide period covering today: pages (one page per copy: the pupil's and each
 *       guardian's) per second and wall time. A class already published for that period is skipped
 *       (it no longer changes) and said so.</li>
 * </ol>
 */
public final class GradesBench {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Platform platform;
    private final JsonNode demo;
    private final Session cpe;
    private final Session claire;
    private final Session sophie;
    private final String school;
    private final String class4A;
    private final String lea;
    private final List<String> report = new ArrayList<>();

    private GradesBench(Platform platform, Path entHome, String school) throws Exception {
        this.platform = platform;
        this.demo = Platform.JSON.readTree(entHome.resolve("data/demo.json").toFile());
        String password = demo.get("password").asText();
        this.cpe = platform.signIn(demo.at("/people/cpe/username").asText(), password);
        this.claire = platform.signIn(demo.at("/people/claire/username").asText(), password);
        this.sophie = platform.signIn(demo.at("/people/sophie/username").asText(), password);
        this.school = school != null ? school : demo.at("/schools/jeanMoulin").asText();
        this.class4A = demo.at("/classes/0750001A/4A").asText();
        this.lea = demo.at("/people/lea/id").asText();
    }

    public static void main(String[] args) {
        try {
            Map<String, String> opt = Load.options(args);
            Platform platform = new Platform(opt.getOrDefault("gateway", "http://localhost:8080"),
                    opt.getOrDefault("keycloak", "http://localhost:8180"));
            GradesBench bench = new GradesBench(platform, Path.of(opt.getOrDefault("ent-home", ".local")), opt.get("school"));
            int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
            int clients = Integer.parseInt(opt.getOrDefault("clients", "16"));
            int assessments = Integer.parseInt(opt.getOrDefault("assessments", "40"));
            String period = bench.period();
            bench.marksEnteredAndPublished(assessments, Math.min(clients, 4));
            bench.marksPage(seconds, clients, period);
            if (!opt.containsKey("no-report-cards")) {
                bench.reportCards(period);
            }
            System.out.println();
            System.out.println("| measure | figure | goal / note |");
            System.out.println("| --- | ---: | --- |");
            bench.report.forEach(System.out::println);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /** The school-wide period covering today. */
    private String period() {
        String today = LocalDate.now(PARIS).toString();
        for (JsonNode p : platform.call(cpe, "GET", "/api/grades/schools/" + school + "/periods", null).ok().json()) {
            if (p.path("classGroupId").isNull() && today.compareTo(p.get("startsOn").asText()) >= 0
                    && today.compareTo(p.get("endsOn").asText()) <= 0) {
                return p.get("id").asText();
            }
        }
        throw new IllegalStateException("no school-wide grades period covers " + today + " (load deploy/local/demo_grades.py)");
    }

    // ---------------------------------------------------------------- 1. a class's marks

    private void marksEnteredAndPublished(int count, int clients) {
        List<String> pupils = new ArrayList<>();
        platform.call(cpe, "GET", "/api/identity/classes/" + class4A + "/pupils", null).ok().json()
                .forEach(p -> pupils.add(p.get("id").asText()));
        String today = LocalDate.now(PARIS).toString();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        parallel(clients, c -> {
            for (int n = c; n < count; n += clients) {
                Answer created = platform.call(claire, "POST", "/api/grades/assessments", Map.of("classGroupId", class4A,
                        "subject", "MATHS", "title", "Bench " + System.nanoTime(), "heldOn", today, "coefficient", 0, "scale", 20));
                requests.incrementAndGet();
                if (created.status() != 201) {
                    failed.incrementAndGet();
                    continue;
                }
                String id = created.json().get("id").asText();
                List<Map<String, Object>> marks = new ArrayList<>();
                for (int i = 0; i < pupils.size(); i++) {
                    marks.add(Map.of("pupilId", pupils.get(i), "value", (i * 7 % 81) / 4.0));
                }
                Answer entered = platform.call(claire, "PUT", "/api/grades/assessments/" + id + "/marks", Map.of("marks", marks));
                Answer published = platform.call(claire, "POST", "/api/grades/assessments/" + id + "/publish", Map.of());
                requests.addAndGet(2);
                if (entered.status() != 200 || published.status() != 200) failed.incrementAndGet();
            }
        });
        double took = (System.nanoTime() - t0) / 1e9;
        System.out.printf("marks: %d assessments of %d pupils in %.1f s, %d failed%n", count, pupils.size(), took, failed.get());
        report.add(String.format("| a class's marks entered and published (%d pupils, %d assessments, %d clients) | %.1f assessments/s (%.0f requests/s) | create + PUT all marks + publish; %d failed |",
                pupils.size(), count, clients, count / took, requests.get() / took, failed.get()));
    }

    // ---------------------------------------------------------------- 2. a pupil's marks page

    private void marksPage(int seconds, int clients, String period) {
        String path = "/api/grades/pupils/" + lea + "/marks?periodId=" + period;
        parallel(clients, c -> platform.call(sophie, "GET", path, null).ok());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencyUs = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        parallel(clients, c -> {
            while (System.nanoTime() < end) {
                long s = System.nanoTime();
                Answer a = platform.call(sophie, "GET", path, null);
                latencyUs.add((System.nanoTime() - s) / 1_000);
                if (a.status() == 200) done.incrementAndGet();
                else if (failed.getAndIncrement() < 3) System.out.println("marks page failed: " + a);
            }
        });
        double took = (System.nanoTime() - t0) / 1e9;
        List<Long> us = latencyUs.stream().sorted().collect(Collectors.toList());
        System.out.printf("marks pages: %d in %.1f s, %d failed%n", done.get(), took, failed.get());
        report.add(String.format("| Léa's marks page read by her mother through the gateway (%d clients) | %.0f requests/s | p50 / p99 %.1f / %.1f ms, %d failed |",
                clients, done.get() / took, pct(us, 50) / 1000.0, pct(us, 99) / 1000.0, failed.get()));
    }

    // ---------------------------------------------------------------- 3. the school's report cards

    private void reportCards(String period) {
        List<String> classes = new ArrayList<>();
        for (JsonNode c : platform.call(cpe, "GET", "/api/identity/schools/" + school + "/classes", null).ok().json()) {
            if ("CLASS".equals(c.path("kind").asText())) classes.add(c.get("id").asText());
        }
        Map<String, String> jobs = new HashMap<>();
        List<String> skipped = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String c : classes) {
            Answer a = platform.call(cpe, "POST", "/api/grades/classes/" + c + "/periods/" + period + "/report-cards/generation", Map.of());
            if (a.status() == 202) jobs.put(c, a.json().get("id").asText());
            else skipped.add(c + " (" + a.status() + ")");
        }
        int pupils = 0;
        for (var job : jobs.entrySet()) {
            JsonNode state;
            do {
                Platform.sleep(250);
                state = platform.call(cpe, "GET", "/api/grades/report-card-jobs/" + job.getValue(), null).ok().json();
            } while (List.of("QUEUED", "RUNNING").contains(state.get("state").asText()));
            if (!"DONE".equals(state.get("state").asText())) throw new IllegalStateException("job failed: " + state);
            pupils += state.get("total").asInt();
        }
        double took = (System.nanoTime() - t0) / 1e9;
        int pages = 0;
        for (String c : jobs.keySet()) {
            pages += platform.call(cpe, "GET", "/api/grades/classes/" + c + "/periods/" + period + "/report-cards", null)
                    .ok().json().path("copies").size();
        }
        System.out.printf("report cards: %d classes, %d pupils, %d copies in %.1f s; skipped %s%n", jobs.size(), pupils, pages,
                took, skipped);
        report.add(String.format("| report cards of the school generated (%d classes, %d pupils, %d copies of one page) | %.1f pages/s | wall time %.1f s; skipped: %s |",
                jobs.size(), pupils, pages, pages / took, took, skipped.isEmpty() ? "none" : String.join(", ", skipped)));
    }
}
