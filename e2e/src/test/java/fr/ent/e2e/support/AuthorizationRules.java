package fr.ent.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected outcome of every operation for every caller: {@code authorization-rules.csv} (test
 * resources), one row per operation. Columns: {@code operation} ("METHOD /path/{template}" as
 * in the OpenAPI documents), {@code bind} (space-separated {@code name=value}: a path or query
 * parameter or body property, the value a fixture name or a literal), {@code bad_input_bind}
 * (the same, for the bad-input suite only, over {@code bind}), then one column per caller of
 * {@link Callers#ALL}.
 */
public final class AuthorizationRules {

    public static final String FILE = "authorization-rules.csv";

    /** What a caller must get. "allow" means anything but 401, 403, 404 (and 5xx): 2xx, or 400/409/415/422 on a probe body. */
    public enum Outcome {
        ALLOW("allow", 0), DENY("deny", 403), HIDDEN("hidden", 404), UNAUTH("unauth", 401);

        public final String word;
        public final int status;

        Outcome(String word, int status) {
            this.word = word;
            this.status = status;
        }

        static Outcome of(String word, String where) {
            for (Outcome o : values()) {
                if (o.word.equals(word)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(where + ": '" + word + "' is not one of allow, deny, hidden, unauth");
        }
    }

    public record Rule(String operation, Map<String, String> bind, Map<String, String> badInputBind,
                       Map<String, Outcome> expected, int line) {
    }

    private AuthorizationRules() {
    }

    /** The rows by operation; a malformed file fails with the line to fix. */
    public static Map<String, Rule> load() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (InputStream in = AuthorizationRules.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the test resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = null;
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : text.split(",", -1)) {
                    cells.add(cell.trim());
                }
                if (header == null) {
                    header = cells;
                    List<String> expectedHeader = new ArrayList<>(List.of("operation", "bind", "bad_input_bind"));
                    Callers.ALL.forEach(c -> expectedHeader.add(c.name()));
                    if (!header.equals(expectedHeader)) {
                        throw new IllegalStateException(FILE + " line " + line + ": the header must be " + String.join(",", expectedHeader));
                    }
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new IllegalStateException(FILE + " line " + line + ": " + cells.size() + " cells, the header has " + header.size());
                }
                Map<String, Outcome> expected = new LinkedHashMap<>();
                for (int i = 3; i < cells.size(); i++) {
                    expected.put(header.get(i), Outcome.of(cells.get(i), FILE + " line " + line + " column " + header.get(i)));
                }
                Rule rule = new Rule(cells.get(0), pairs(cells.get(1), line), pairs(cells.get(2), line), expected, line);
                if (rules.put(rule.operation(), rule) != null) {
                    throw new IllegalStateException(FILE + " line " + line + ": a second row for " + rule.operation());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rules;
    }

    private static Map<String, String> pairs(String cell, int line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : cell.split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(FILE + " line " + line + ": '" + pair + "' is not name=value");
            }
            pairs.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return pairs;
    }

    /** The row to add for an operation that has none, every caller denied (to be corrected by hand). */
    public static String rowTemplate(String operation) {
        StringBuilder row = new StringBuilder(operation).append(",,");
        for (Callers.Caller c : Callers.ALL) {
            row.append(',').append(c.anonymous() ? "unauth" : "deny");
        }
        return row.toString();
    }
}
