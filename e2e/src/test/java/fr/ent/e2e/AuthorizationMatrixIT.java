package fr.ent.e2e;

import fr.ent.e2e.support.ApiDocuments;
import fr.ent.e2e.support.ApiDocuments.Operation;
import fr.ent.e2e.support.ApiFixtures;
import fr.ent.e2e.support.ApiRequests;
import fr.ent.e2e.support.AuthorizationRules;
import fr.ent.e2e.support.AuthorizationRules.Outcome;
import fr.ent.e2e.support.AuthorizationRules.Rule;
import fr.ent.e2e.support.Callers;
import fr.ent.e2e.support.Callers.Caller;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.RawHttp;
import fr.ent.e2e.support.SampleBodies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of every service, called by every kind of caller, against real relationships of
 * the demo data; each answer compared with the table {@code authorization-rules.csv}. The
 * operations come from the services' OpenAPI documents: one that has no row fails the build.
 * <p>
 * Refusals first (a write that authorization must stop gets a plausible body, so that only
 * authorization can stop it), then the allowed callers (a write gets the probe body {@code {}}:
 * validation refuses it and nothing changes; an action without a body acts on this run's fixtures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT {

    /** One call's result. */
    record Call(Operation op, Caller caller, Outcome expected, String request, RawHttp.Answer answer, boolean standIn) {

        String verdict() {
            int s = answer.status();
            if (s >= 500) {
                return "5xx";
            }
            if (expected == Outcome.ALLOW) {
                if (s == 404 && standIn) {
                    return "not tested";
                }
                return s == 401 || s == 403 || s == 404 ? "false denial" : "ok";
            }
            if (s >= 200 && s < 300) {
                return "leak";
            }
            boolean namedInBody = expected == Outcome.HIDDEN && !op.path().contains("{") && (s == 400 || s == 422);
            if (s != expected.status && !namedInBody) {
                return "wrong refusal";
            }
            return answer.isProblem() ? "ok" : "refusal not a problem";
        }

        String line() {
            return String.format("%-62s %-19s expected %-6s got %d  (%s)  %s", op.key(), caller.name(), expected.word,
                    answer.status(), request, answer.excerpt(160));
        }
    }

    private List<Operation> operations;
    private Map<String, Rule> rules;
    private ApiFixtures fixtures;
    private final Map<String, String> authorizations = new LinkedHashMap<>();
    private final List<String> notRun = new ArrayList<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void documentsRulesAndFixtures() {
        operations = ApiDocuments.operations();
        rules = AuthorizationRules.load();
        for (Caller c : Callers.ALL) {
            Optional<String> authorization = c.authorization();
            if (authorization.isPresent()) {
                authorizations.put(c.name(), authorization.get());
            } else {
                notRun.add(c.name() + " (" + c.who() + "): Keycloak gives it no token on this platform");
            }
        }
    }

    @AfterAll
    void leaveNothingPending() {
        if (fixtures != null && fixtures.has("justification")) {
            // the fixture justification is decided: runs must not add up unjustified absences
            Gateway.as("cpe").post("/api/attendance/justifications/{id}/accept", fixtures.value("justification"));
        }
    }

    @Test
    @Order(1)
    void every_documented_operation_has_a_row_in_the_table() {
        List<String> missing = operations.stream().map(Operation::key).filter(k -> !rules.containsKey(k)).toList();
        TreeSet<String> documented = operations.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        List<String> stale = rules.keySet().stream().filter(k -> !documented.contains(k)).toList();
        System.out.printf("%n[authorization] %d documented operations (%s), %d rows%n", operations.size(),
                operations.stream().collect(Collectors.groupingBy(Operation::service, java.util.TreeMap::new, Collectors.counting())),
                rules.size());
        stale.forEach(k -> System.out.println("[authorization] WARNING: a row for an operation no document has: " + k));
        assertThat(missing).as("operations documented by the services without a row in e2e/src/test/resources/%s; "
                        + "add one row per operation, with the expected outcome for each caller "
                        + "(allow, deny = 403, hidden = 404, unauth = 401), e.g.:%n%s%n", AuthorizationRules.FILE,
                missing.stream().map(AuthorizationRules::rowTemplate).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    @Order(2)
    void every_caller_gets_what_the_table_says() throws Exception {
        long started = System.nanoTime();
        fixtures = ApiFixtures.forAuthorization();
        List<Operation> tested = operations.stream().filter(o -> rules.containsKey(o.key())).toList();

        // 1. refusals, in parallel: nothing they try may change anything
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Operation op : tested) {
                Rule rule = rules.get(op.key());
                SampleBodies.Bindings bindings = new SampleBodies.Bindings(rule.bind(), fixtures);
                for (Caller caller : Callers.ALL) {
                    Outcome expected = rule.expected().get(caller.name());
                    if (expected != Outcome.ALLOW && authorizations.containsKey(caller.name())) {
                        running.add(pool.submit(() -> call(op, caller, expected, ApiRequests.plausible(op, bindings, null))));
                    }
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // 2. allowed callers, one after the other (actions change this run's fixtures)
        List<String> unboundNotes = new ArrayList<>();
        for (Operation op : tested) {
            Rule rule = rules.get(op.key());
            SampleBodies.Bindings bindings = new SampleBodies.Bindings(rule.bind(), fixtures);
            for (Caller caller : Callers.ALL) {
                if (rule.expected().get(caller.name()) == Outcome.ALLOW && authorizations.containsKey(caller.name())) {
                    List<String> unbound = new ArrayList<>();
                    ApiRequests.Request plausible = ApiRequests.plausible(op, bindings, unbound);
                    ApiRequests.Request probe = op.hasBody() && !op.bodyType().startsWith("multipart/")
                            ? ApiRequests.withBody(op, plausible.pathAndQuery(), SampleBodies.json().createObjectNode())
                            : plausible;
                    call(op, caller, Outcome.ALLOW, probe);
                    if (!unbound.isEmpty()) {
                        unboundNotes.add(op.key() + ": " + unbound + " unbound, a random UUID was used");
                    }
                }
            }
        }
        report(tested, unboundNotes, (System.nanoTime() - started) / 1_000_000_000.0);
    }

    private void call(Operation op, Caller caller, Outcome expected, ApiRequests.Request request) {
        RawHttp.Answer answer = request.send(authorizations.get(caller.name()));
        boolean standIn = rules.get(op.key()).bind().values().stream().anyMatch(fixtures::isStandIn);
        calls.add(new Call(op, caller, expected, request.describe(), answer, standIn));
    }

    private void report(List<Operation> tested, List<String> unboundNotes, double seconds) {
        Map<String, List<Call>> byVerdict = calls.stream()
                .sorted(java.util.Comparator.comparing((Call c) -> c.op().key()).thenComparing(c -> Callers.ALL.indexOf(c.caller())))
                .collect(Collectors.groupingBy(Call::verdict, LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder("\n[authorization] ===== every operation x every caller =====\n");
        out.append(String.format("[authorization] fixtures: %s%n", fixtures.notes().isEmpty() ? "all made" : fixtures.notes()));
        notRun.forEach(n -> out.append("[authorization] caller not run: ").append(n).append('\n'));
        unboundNotes.stream().distinct().forEach(n -> out.append("[authorization] note: ").append(n).append('\n'));
        for (String verdict : List.of("leak", "5xx", "false denial", "wrong refusal", "refusal not a problem", "not tested")) {
            List<Call> list = byVerdict.getOrDefault(verdict, List.of());
            out.append(String.format("[authorization] --- %s: %d%n", verdict, list.size()));
            list.forEach(c -> out.append("[authorization]   ").append(c.line()).append('\n'));
        }
        out.append("[authorization] statuses: ").append((Object) calls.stream().collect(Collectors.groupingBy(c -> c.answer().status(),
                java.util.TreeMap::new, Collectors.counting()))).append('\n');
        long mismatches = calls.stream().filter(c -> !c.verdict().equals("ok") && !c.verdict().equals("not tested")).count();
        out.append(String.format("[authorization] COUNTS: %d operations x %d callers = %d calls in %.0f s; 5xx %d; leaks %d; "
                        + "false denials %d; wrong refusals %d; refusals not problem+json %d; not tested (fixture missing) %d; ok %d%n",
                tested.size(), authorizations.size(), calls.size(), seconds,
                count(byVerdict, "5xx"), count(byVerdict, "leak"), count(byVerdict, "false denial"),
                count(byVerdict, "wrong refusal"), count(byVerdict, "refusal not a problem"), count(byVerdict, "not tested"),
                count(byVerdict, "ok")));
        System.out.print(out);
        assertThat(mismatches).as("calls whose answer is not what %s says (leaks, 5xx, false denials, wrong refusals): "
                + "see the report above", AuthorizationRules.FILE).isZero();
    }

    private static int count(Map<String, List<Call>> byVerdict, String verdict) {
        return byVerdict.getOrDefault(verdict, List.of()).size();
    }
}
