package fr.ent.bench.platform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line of a benchmark: {@code --name=value} (or {@code --flag}, true), read with a
 * default each; and the options every benchmark of the platform shares: {@code --ent-home} (the
 * folder of deploy/local/up, default {@code .local}), {@code --gateway}, {@code --keycloak}.
 */
final class Options {

    /** A benchmark's body: what runs with the options read. */
    interface Bench {
        void run(Options options) throws Exception;
    }

    private final Map<String, String> values = new HashMap<>();

    private Options(String[] args) {
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            values.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
    }

    /** Runs a benchmark's main: exit status 0 when it ends, 1 (stack trace on stdout, in its log) when it fails. */
    static void main(String[] args, Bench bench) {
        try {
            bench.run(new Options(args));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    Path entHome() {
        return Path.of(values.getOrDefault("ent-home", ".local"));
    }

    Platform platform() {
        return new Platform(values.getOrDefault("gateway", "http://localhost:8080"),
                values.getOrDefault("keycloak", "http://localhost:8180"));
    }
}
