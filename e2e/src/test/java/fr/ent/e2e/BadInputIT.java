package fr.ent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.ent.e2e.support.ApiDocuments;
import fr.ent.e2e.support.ApiDocuments.Operation;
import fr.ent.e2e.support.ApiDocuments.Parameter;
import fr.ent.e2e.support.ApiFixtures;
import fr.ent.e2e.support.ApiRequests;
import fr.ent.e2e.support.AuthorizationRules;
import fr.ent.e2e.support.AuthorizationRules.Outcome;
import fr.ent.e2e.support.AuthorizationRules.Rule;
import fr.ent.e2e.support.Callers;
import fr.ent.e2e.support.Callers.Caller;
import fr.ent.e2e.support.RawHttp;
import fr.ent.e2e.support.SampleBodies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over every documented operation, as a caller the rule table allows (admin, else the
 * school's staff, else a guardian...): malformed JSON, bodies of the wrong shape, wrong types, NUL
 * characters and lone surrogates in strings, path segments and query parameters, numbers past int
 * and double, dates past the calendar or that do not exist, 100,000-character strings, unknown ids.
 * Each must be answered 4xx with an {@code application/problem+json} body, never 5xx; and what a
 * few cheap reads show (counts of people, schools, Léa's record, reasons, quiet hours) must be the
 * same after as before. Operations and their bindings come from the OpenAPI documents and
 * {@code authorization-rules.csv} (its {@code bad_input_bind} column points writes at fixtures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);
    /** Long enough to reach the service, short of the gateway's 4 KiB request line. */
    private static final String LONG_PARAM = "x".repeat(3_000);
    private static final List<String> CALLER_PREFERENCE = List.of("admin", "staff", "guardian", "class_teacher", "pupil");

    /** One bad request: strict ones must get a 4xx problem; lenient ones only must not get a 5xx. */
    record Case(Operation op, String name, ApiRequests.Request request, boolean strict) {
    }

    record Result(Case c, String caller, RawHttp.Answer answer) {

        String verdict() {
            int s = answer.status();
            if (s >= 500) {
                return "5xx";
            }
            if (s >= 400) {
                return answer.isProblem() ? "ok" : "4xx not problem+json";
            }
            return c.strict() ? "accepted" : "ok";
        }

        String line() {
            return String.format("%-60s %-40s as %-8s got %d %s  (%s)", c.op().key(), c.name(), caller, answer.status(),
                    answer.contentType(), answer.excerpt(140));
        }
    }

    private List<Operation> operations;
    private Map<String, Rule> rules;
    private ApiFixtures fixtures;

    @BeforeAll
    void documentsRulesAndFixtures() {
        operations = ApiDocuments.operations();
        rules = AuthorizationRules.load();
        fixtures = ApiFixtures.forBadInput();
    }

    @org.junit.jupiter.api.AfterAll
    void leaveNothingPending() {
        if (fixtures != null && fixtures.has("justification")) {
            // the fixture justification is decided: runs must not add up unjustified absences
            fr.ent.e2e.support.Gateway.as("cpe").post("/api/attendance/justifications/{id}/accept", fixtures.value("justification"));
        }
    }

    @Test
    void every_operation_answers_bad_input_with_a_4xx_problem_and_changes_nothing() throws Exception {
        long started = System.nanoTime();
        Map<String, String> before = Snapshot.take(fixtures);
        List<String> skipped = new ArrayList<>();
        List<Callable> work = new ArrayList<>();
        for (Operation op : operations) {
            Rule rule = rules.get(op.key());
            if (rule == null) {
                skipped.add(op.key() + " (no row in " + AuthorizationRules.FILE + ")");
                continue;
            }
            Caller caller = CALLER_PREFERENCE.stream().filter(n -> rule.expected().get(n) == Outcome.ALLOW)
                    .map(Callers::named).findFirst().orElse(null);
            String authorization = caller == null ? null : caller.authorization().orElse(null);
            if (authorization == null) {
                skipped.add(op.key() + " (no caller allowed)");
                continue;
            }
            Map<String, String> bind = new LinkedHashMap<>(rule.bind());
            bind.putAll(rule.badInputBind());
            for (Case c : cases(op, new SampleBodies.Bindings(bind, fixtures))) {
                work.add(new Callable(c, caller.name(), authorization));
            }
        }
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Callable w : work) {
                running.add(pool.submit(() -> results.add(new Result(w.c(), w.caller(), w.c().request().send(w.authorization())))));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, String> after = Snapshot.take(fixtures);
        List<String> changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k)))
                .map(k -> k + ": " + before.get(k) + " -> " + after.get(k)).toList();
        report(results, skipped, changed, (System.nanoTime() - started) / 1_000_000_000.0);
    }

    private record Callable(Case c, String caller, String authorization) {
    }

    private void report(List<Result> results, List<String> skipped, List<String> changed, double seconds) {
        Map<String, List<Result>> byVerdict = results.stream()
                .sorted(java.util.Comparator.comparing((Result r) -> r.c().op().key()).thenComparing(r -> r.c().name()))
                .collect(Collectors.groupingBy(Result::verdict, LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder("\n[bad-input] ===== every operation x bad inputs =====\n");
        out.append(String.format("[bad-input] fixtures: %s%n", fixtures.notes().isEmpty() ? "all made" : fixtures.notes()));
        skipped.forEach(s -> out.append("[bad-input] skipped: ").append(s).append('\n'));
        for (String verdict : List.of("5xx", "accepted", "4xx not problem+json")) {
            List<Result> list = byVerdict.getOrDefault(verdict, List.of());
            out.append(String.format("[bad-input] --- %s: %d%n", verdict, list.size()));
            list.forEach(r -> out.append("[bad-input]   ").append(r.line()).append('\n'));
        }
        out.append(String.format("[bad-input] --- changed by bad input (before -> after): %d%n", changed.size()));
        changed.forEach(c -> out.append("[bad-input]   ").append(c).append('\n'));
        out.append("[bad-input] statuses: ").append((Object) results.stream().collect(Collectors.groupingBy(r -> r.answer().status(),
                java.util.TreeMap::new, Collectors.counting()))).append('\n');
        long ops = results.stream().map(r -> r.c().op().key()).distinct().count();
        out.append(String.format("[bad-input] COUNTS: %d operations, %d cases (%d strict) in %.0f s; 5xx %d; accepted %d; "
                        + "4xx not problem+json %d; ok %d; reads changed %d%n", ops, results.size(),
                results.stream().filter(r -> r.c().strict()).count(), seconds, count(byVerdict, "5xx"),
                count(byVerdict, "accepted"), count(byVerdict, "4xx not problem+json"), count(byVerdict, "ok"), changed.size()));
        System.out.print(out);
        assertThat(results.size() - count(byVerdict, "ok") + changed.size())
                .as("bad input answered 5xx, accepted, answered without a problem detail, or changing data: see the report above")
                .isZero();
    }

    private static int count(Map<String, List<Result>> byVerdict, String verdict) {
        return byVerdict.getOrDefault(verdict, List.of()).size();
    }

    // ------------------------------------------------------------------ the cases of one operation

    private static List<Case> cases(Operation op, SampleBodies.Bindings bindings) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> path = new LinkedHashMap<>();
        ApiRequests.pathValues(op, bindings, null).forEach((k, v) -> path.put(k, ApiRequests.encode(v)));
        Map<String, String> query = ApiRequests.queryValues(op, bindings);
        JsonNode body = SampleBodies.of(op, bindings);
        String goodPath = ApiRequests.fill(op.path(), path);
        String goodQuery = ApiRequests.queryString(query, Map.of());

        for (Parameter p : op.in("path")) {
            boolean uuid = "uuid".equals(op.resolve(p.schema()).path("format").asText());
            Map<String, String> spoiled = new LinkedHashMap<>();
            if (uuid) {
                spoiled.put("unknown id", UUID.randomUUID().toString());
                spoiled.put("not a uuid", "not-a-uuid");
            } else {
                spoiled.put("unknown value", "unknown-e2e");
            }
            spoiled.put("NUL", "%00");
            spoiled.put("lone surrogate", "%ED%A0%80");
            spoiled.put("3,000 chars", LONG_PARAM);
            spoiled.forEach((name, value) -> {
                Map<String, String> p2 = new LinkedHashMap<>(path);
                p2.put(p.name(), value);
                cases.add(new Case(op, "path " + p.name() + ": " + name,
                        ApiRequests.withBody(op, ApiRequests.fill(op.path(), p2) + goodQuery, body), true));
            });
        }
        for (Parameter p : op.in("query")) {
            JsonNode schema = op.resolve(p.schema());
            String type = SampleBodies.type(schema);
            String format = schema.path("format").asText("");
            Map<String, String> strict = new LinkedHashMap<>();
            Map<String, String> lenient = new LinkedHashMap<>();
            strict.put("NUL", "%00");
            strict.put("lone surrogate", "%ED%A0%80");
            if (type.equals("integer") || type.equals("number")) {
                strict.put("not a number", "abc");
                strict.put("2147483648", "2147483648");
                strict.put("-1", "-1");
                strict.put("1e309", "1e309");
            } else if (type.equals("boolean")) {
                strict.put("not a boolean", "maybe");
            } else if (format.equals("uuid")) {
                strict.put("not a uuid", "not-a-uuid");
                lenient.put("unknown id", UUID.randomUUID().toString());
            } else if (format.equals("date") || p.name().equals("date") || p.name().equals("from") || p.name().equals("to")
                    || p.name().equals("on")) {
                strict.put("+999999999-12-31", "%2B999999999-12-31");
                strict.put("-999999999-01-01", "-999999999-01-01");
                strict.put("2026-02-30", "2026-02-30");
                strict.put("not a date", "abc");
            } else if (p.name().equals("month")) {
                strict.put("+999999999-12", "%2B999999999-12");
                strict.put("2026-13", "2026-13");
            } else if (schema.has("enum")) {
                strict.put("not in the enum", "NOT_A_VALUE");
            } else {
                lenient.put("3,000 chars", LONG_PARAM);
            }
            strict.forEach((name, value) -> cases.add(new Case(op, "query " + p.name() + ": " + name,
                    ApiRequests.withBody(op, goodPath + ApiRequests.queryString(query, Map.of(p.name(), value)), body), true)));
            lenient.forEach((name, value) -> cases.add(new Case(op, "query " + p.name() + ": " + name,
                    ApiRequests.withBody(op, goodPath + ApiRequests.queryString(query, Map.of(p.name(), value)), body), false)));
        }
        if (!op.hasBody()) {
            return cases;
        }
        String target = goodPath + goodQuery;
        if (op.bodyType().startsWith("multipart/")) {
            cases.add(new Case(op, "body: multipart without boundary",
                    ApiRequests.withRawBody(op, target, "multipart/form-data", "--x\r\n\r\n".getBytes(StandardCharsets.UTF_8)), true));
            cases.add(new Case(op, "body: JSON instead of a form",
                    ApiRequests.withRawBody(op, target, "application/json", "{}".getBytes(StandardCharsets.UTF_8)), true));
            return cases;
        }
        String type = op.bodyType();
        cases.add(raw(op, target, type, "body: malformed JSON", "{\"a\":"));
        cases.add(raw(op, target, type, "body: null", "null"));
        cases.add(raw(op, target, type, "body: an array", "[]"));
        cases.add(raw(op, target, type, "body: a string", "\"text\""));
        cases.add(raw(op, target, type, "body: empty", ""));
        if (body instanceof ObjectNode object) {
            String invalidUtf8 = object.toString();
            int quote = invalidUtf8.indexOf(":\"");
            if (quote > 0) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] all = invalidUtf8.getBytes(StandardCharsets.UTF_8);
                bytes.write(all, 0, quote + 2);
                bytes.write(0xED);
                bytes.write(0xA0);
                bytes.write(0x80);
                bytes.write(all, quote + 2, all.length - quote - 2);
                cases.add(new Case(op, "body: invalid UTF-8 bytes (a lone surrogate)",
                        ApiRequests.withRawBody(op, target, type, bytes.toByteArray()), true));
            }
            JsonNode schema = op.resolve(op.bodySchema());
            Iterator<String> names = object.fieldNames();
            int n = 0;
            while (names.hasNext() && n++ < 12) {
                String field = names.next();
                JsonNode fieldSchema = op.resolve(schema.path("properties").path(field));
                for (Map.Entry<String, JsonNode> spoil : spoiled(field, fieldSchema).entrySet()) {
                    ObjectNode copy = object.deepCopy();
                    copy.set(field, spoil.getValue());
                    cases.add(new Case(op, "body " + field + ": " + spoil.getKey(), ApiRequests.withBody(op, target, copy), true));
                }
            }
        }
        return cases;
    }

    private static Case raw(Operation op, String target, String type, String name, String text) {
        return new Case(op, name, ApiRequests.withRawBody(op, target, type, text.getBytes(StandardCharsets.UTF_8)), true);
    }

    /** The spoiled values of one body property, by its schema. */
    private static Map<String, JsonNode> spoiled(String field, JsonNode schema) {
        Map<String, JsonNode> s = new LinkedHashMap<>();
        String type = SampleBodies.type(schema);
        String format = schema.path("format").asText("");
        switch (type) {
            case "integer", "number" -> {
                s.put("wrong type", NODES.textNode("abc"));
                s.put("2147483648", NODES.numberNode(2147483648L));
                s.put("-1", NODES.numberNode(-1));
                s.put("1e309", NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue("1e309")));
            }
            case "boolean" -> s.put("wrong type", NODES.textNode("maybe"));
            case "array" -> {
                s.put("wrong type", NODES.objectNode().put("a", 1));
                s.put("NUL in an item", NODES.arrayNode().add("a\u0000b"));
            }
            case "object" -> s.put("wrong type", NODES.textNode("x"));
            default -> {
                s.put("wrong type", NODES.objectNode().put("nested", true));
                s.put("NUL", NODES.textNode("a\u0000b"));
                s.put("lone surrogate", NODES.textNode("a\ud800b"));
                s.put("100k chars", NODES.textNode(HUGE));
                if (format.equals("date")) {
                    s.put("+999999999-12-31", NODES.textNode("+999999999-12-31"));
                    s.put("-999999999-01-01", NODES.textNode("-999999999-01-01"));
                    s.put("2026-02-30", NODES.textNode("2026-02-30"));
                } else if (format.equals("date-time")) {
                    s.put("+999999999-12-31T00:00", NODES.textNode("+999999999-12-31T00:00:00"));
                    s.put("-999999999-01-01T00:00", NODES.textNode("-999999999-01-01T00:00:00"));
                    s.put("2026-02-30T08:00", NODES.textNode("2026-02-30T08:00:00"));
                } else if (format.equals("uuid")) {
                    s.put("not a uuid", NODES.textNode("not-a-uuid"));
                } else if (format.contains("time") || field.endsWith("At") || field.endsWith("Start") || field.endsWith("End")) {
                    s.put("25:00", NODES.textNode("25:00"));
                }
                if (schema.has("enum")) {
                    s.put("not in the enum", NODES.textNode("NOT_A_VALUE"));
                }
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ no change

    /** A few cheap reads whose answers bad input must not change. */
    static final class Snapshot {

        static Map<String, String> take(ApiFixtures f) {
            Map<String, String> s = new LinkedHashMap<>();
            String admin = Callers.named("admin").authorization().orElseThrow();
            String staff = Callers.named("staff").authorization().orElseThrow();
            read(s, "people of Jean Moulin (total)", admin, "/api/identity/people?size=1&schoolId=" + f.value("jeanMoulin"), "total");
            read(s, "people of the fixture school (total)", admin, "/api/identity/people?size=1&schoolId=" + f.value("fixtureSchool"), "total");
            read(s, "schools (total)", admin, "/api/identity/schools?size=1", "total");
            read(s, "Jean Moulin", admin, "/api/identity/schools/" + f.value("jeanMoulin"), null);
            read(s, "Léa", admin, "/api/identity/people/" + f.value("lea"), null);
            read(s, "Léa's enrolments", admin, "/api/identity/people/" + f.value("lea") + "/enrolments", null);
            read(s, "Léa's record this month (entries)", staff,
                    "/api/attendance/pupils/" + f.value("lea") + "/record?month=" + f.value("thisMonth"), "entries");
            read(s, "Jean Moulin's reasons", staff, "/api/attendance/schools/" + f.value("jeanMoulin") + "/reasons?all=true", null);
            read(s, "Jean Moulin's quiet hours", staff, "/api/notification/schools/" + f.value("jeanMoulin") + "/quiet-hours", null);
            read(s, "Jean Moulin's pending justifications", staff,
                    "/api/attendance/schools/" + f.value("jeanMoulin") + "/justifications?status=PENDING", null);
            return s;
        }

        private static void read(Map<String, String> s, String what, String authorization, String path, String field) {
            RawHttp.Answer a = RawHttp.send("GET", path, authorization, null);
            String value = a.status() + " ";
            try {
                JsonNode json = SampleBodies.json().readTree(a.body());
                JsonNode shown = field == null ? json : json.path(field);
                value += shown.isArray() ? shown.size() + " items " + Integer.toHexString(shown.toString().hashCode())
                        : shown.toString().length() > 200 ? Integer.toHexString(shown.toString().hashCode()) : shown.toString();
            } catch (Exception e) {
                value += a.excerpt(80);
            }
            s.put(what, value);
        }
    }
}
