package fr.ent.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real Keycloak server (the distribution from Maven Central, unpacked by
 * {@code deploy/keycloak-dist}) with the realm {@code ent} imported from
 * {@code deploy/keycloak/realm-ent.json}. One per test JVM, started on first use (25-60 s on two
 * cores), in-memory database, stopped when the JVM ends — also when it is killed, since the server
 * halts as soon as its standard input (a pipe from this JVM) closes.
 *
 * <p>Keycloak's {@code start-dev} rewrites its own {@code lib/quarkus} ("augmentation") before the
 * first start. That is done once, under a file lock, in a copy of the distribution kept in the
 * cache folder; each run then gets its own home (links to that copy plus its own {@code data/}),
 * so parallel test JVMs never write to the same files.
 */
public final class Keycloak extends ChildServer {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "ent";
    /** Every access token of the realm carries this audience. */
    public static final String AUDIENCE = "ent-api";
    /** Test-only public client with the password grant enabled. */
    public static final String TEST_CLIENT = "ent-test";
    /** Public client of the web portal: authorization code + PKCE S256. */
    public static final String PORTAL_CLIENT = "ent-portal";
    /** Public client of the mobile app: device authorization grant. */
    public static final String MOBILE_CLIENT = "ent-mobile";
    /** Confidential client whose service account provisions users. */
    public static final String IDENTITY_CLIENT = "identity-service";
    public static final String IDENTITY_SECRET = "identity-service-local-secret";
    /** Example school integration (client credentials, realm role service). */
    public static final String INTEGRATION_CLIENT = "school-0750001a-integration";
    public static final String INTEGRATION_SECRET = "school-0750001a-local-secret";

    private static final String ADMIN_USERNAME = "admin";
    /** Options that decide the augmentation; the prepared copy is reused while they stay the same. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true");
    private static final String ENTRY_POINT = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";
    private static final Pattern STRING_FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern NUMBER_FIELD = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*(\\d+)");
    /** Generous: 25-60 s on an idle 2-core machine, but minutes when parallel builds saturate it. */
    private static final Duration START_TIMEOUT = Duration.parse(System.getProperty("ent.keycloak.start-timeout", "PT10M"));

    private static Keycloak shared;

    private final int port;
    private final int managementPort;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private Keycloak() {
        super("keycloak", "Keycloak", "keycloak.log", Duration.ofSeconds(20));
        this.port = Workspace.freePort();
        this.managementPort = Workspace.freePort();
        this.adminPassword = "admin-" + Long.toHexString(new java.security.SecureRandom().nextLong());
    }

    /** The server of this JVM, started on first use; waits until the realm is ready. */
    public static synchronized Keycloak shared() {
        if (shared == null) {
            shared = startFirst(Keycloak::new);
        }
        return shared;
    }

    /** {@code http://localhost:<port>}: the host name is pinned so the issuer never varies. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code <baseUrl>/realms/ent}: the {@code iss} of every token of the realm. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The admin REST API of the realm: {@code <baseUrl>/admin/realms/ent}. */
    public String adminUrl() {
        return baseUrl() + "/admin/realms/" + REALM;
    }

    /** The bootstrap administrator of the master realm (random password per run). */
    public String adminUsername() {
        return ADMIN_USERNAME;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /**
     * An access token by the password grant (use {@link #TEST_CLIENT}), cached until shortly before
     * it expires: hashing a password costs ~150-200 ms. For a request that must really reach
     * Keycloak (a disabled user, a wrong password), use {@link #requestToken(Map)}.
     */
    public String passwordGrant(String clientId, String username, String password) {
        return cached("password|" + clientId + "|" + username + "|" + password, Map.of(
                "grant_type", "password", "client_id", clientId, "username", username, "password", password));
    }

    /** An access token of a confidential client's service account, cached like {@link #passwordGrant}. */
    public String clientCredentials(String clientId, String secret) {
        return cached("client|" + clientId + "|" + secret, Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    /** A token of the master realm's administrator, for the admin REST API. */
    public String adminToken() {
        String key = "admin";
        CachedToken token = tokens.get(key);
        if (token == null || token.expired()) {
            HttpResponse<String> response = post(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli",
                    "username", ADMIN_USERNAME, "password", adminPassword));
            token = CachedToken.of(response);
            tokens.put(key, token);
        }
        return token.value;
    }

    /** Forgets every cached token (after changing a user's roles or attributes, say). */
    public void forgetTokens() {
        tokens.clear();
    }

    /** POSTs a form to the realm's token endpoint, uncached; the caller reads status and body. */
    public HttpResponse<String> requestToken(Map<String, String> form) {
        return post(tokenUrl(), form);
    }

    /**
     * Calls the admin REST API of the realm as the administrator: {@code path} is relative to
     * {@link #adminUrl()} (e.g. {@code "/users"}), {@code json} may be null.
     */
    public HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    /**
     * Creates an enabled user of the realm with a password, realm roles and the attributes
     * {@code person_id} and {@code school_ids} (null or empty to leave them out); returns the
     * Keycloak user id. Meant for tests that need a signed-in person without identity-service.
     */
    public String createUser(String username, String password, String personId, List<String> schoolIds, String... realmRoles) {
        StringBuilder attributes = new StringBuilder();
        if (personId != null) {
            attributes.append("\"person_id\":[").append(quote(personId)).append(']');
        }
        if (schoolIds != null && !schoolIds.isEmpty()) {
            if (attributes.length() > 0) {
                attributes.append(',');
            }
            attributes.append("\"school_ids\":[")
                    .append(schoolIds.stream().map(Keycloak::quote).collect(Collectors.joining(","))).append(']');
        }
        String body = """
                {"username":%s,"enabled":true,"firstName":"Test","lastName":%s,"attributes":{%s},
                 "credentials":[{"type":"password","value":%s,"temporary":false}]}"""
                .formatted(quote(username), quote(username), attributes, quote(password));
        HttpResponse<String> created = admin("POST", "/users", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        if (realmRoles.length > 0) {
            String roles = Stream.of(realmRoles).map(this::realmRole).collect(Collectors.joining(",", "[", "]"));
            HttpResponse<String> mapped = admin("POST", "/users/" + userId + "/role-mappings/realm", roles);
            if (mapped.statusCode() != 204) {
                throw new IllegalStateException("mapping roles of " + username + ": " + mapped.statusCode() + " " + mapped.body());
            }
        }
        return userId;
    }

    private String realmRole(String name) {
        HttpResponse<String> role = admin("GET", "/roles/" + URLEncoder.encode(name, StandardCharsets.UTF_8), null);
        if (role.statusCode() != 200) {
            throw new IllegalStateException("no realm role " + name + ": " + role.statusCode());
        }
        return role.body();
    }

    // ----------------------------------------------------------------------------- tokens

    private String cached(String key, Map<String, String> form) {
        CachedToken token = tokens.get(key);
        if (token == null || token.expired()) {
            token = CachedToken.of(requestToken(form));
            tokens.put(key, token);
        }
        return token.value;
    }

    private record CachedToken(String value, Instant renewAfter) {
        static CachedToken of(HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request refused: " + response.statusCode() + " " + response.body());
            }
            String token = stringField(response.body(), "access_token");
            long expiresIn = numberField(response.body(), "expires_in");
            // renew a little before expiry so that a test never sends a token that dies in flight
            return new CachedToken(token, Instant.now().plusSeconds(Math.max(0, expiresIn - 20)));
        }

        boolean expired() {
            return Instant.now().isAfter(renewAfter);
        }
    }

    /** Reads a top-level string field of a flat JSON object (token responses); null if absent. */
    public static String stringField(String json, String name) {
        Matcher m = STRING_FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }

    private static long numberField(String json, String name) {
        Matcher m = NUMBER_FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Long.parseLong(m.group(2));
            }
        }
        return 0;
    }

    private HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("calling Keycloak: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    // ----------------------------------------------------------------------------- process

    @Override
    protected List<String> command() {
        Path prepared = preparedDistribution();
        Path home = runHome(prepared);
        List<String> options = new ArrayList<>(jvmOptions(home));
        options.add("-Dkc.config.built=true");
        List<String> arguments = new ArrayList<>(List.of("start-dev"));
        arguments.addAll(BUILD_OPTIONS);
        arguments.addAll(List.of(
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=" + baseUrl(),
                "--import-realm",
                "--log-level=WARN,org.keycloak.exportimport:INFO,io.quarkus:INFO"));
        return java(javaExecutable(), options, classpath(prepared), ENTRY_POINT, arguments);
    }

    @Override
    protected void environment(Map<String, String> environment) {
        withoutOwnSettings(environment);
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
    }

    /** The test JVM's own Quarkus/Keycloak settings must not leak into the server. */
    private static void withoutOwnSettings(Map<String, String> environment) {
        environment.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_")
                || k.equals("JAVA_OPTS") || k.equals("JAVA_TOOL_OPTIONS"));
    }

    @Override
    protected void awaitReady() {
        waitForUrl(URI.create("http://localhost:" + managementPort + "/health/ready"), START_TIMEOUT);
    }

    /**
     * A per-run home: links to the prepared distribution, its own {@code data/} with the realm to
     * import.
     */
    private Path runHome(Path prepared) {
        Path home = Workspace.createDirectories(runDir.resolve("home"));
        try {
            for (String dir : List.of("bin", "conf", "lib", "providers", "themes")) {
                Path link = home.resolve(dir);
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, prepared.resolve(dir));
                }
            }
            Path imports = Workspace.createDirectories(home.resolve("data/import"));
            Files.copy(realmFile(), imports.resolve("realm-ent.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Keycloak home in " + home, e);
        }
        return home;
    }

    /** {@code deploy/keycloak/realm-ent.json} of this clone. */
    public static Path realmFile() {
        Path realm = Workspace.repositoryRoot().resolve("deploy/keycloak/realm-ent.json");
        if (!Files.isRegularFile(realm)) {
            throw new IllegalStateException("missing realm file " + realm);
        }
        return realm;
    }

    /**
     * The distribution copied to the cache folder and augmented for {@code start-dev} once; other
     * JVMs (of this user) wait on the lock and reuse it.
     */
    private Path preparedDistribution() {
        Path cache = Workspace.cacheDir();
        Path prepared = cache.resolve("keycloak-" + VERSION + "-dev");
        Path marker = prepared.resolve(".ent-prepared");
        String fingerprint = VERSION + " " + String.join(" ", BUILD_OPTIONS);
        try (FileChannel channel = FileChannel.open(cache.resolve("keycloak.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(fingerprint)) {
                return prepared;
            }
            Leftovers.deleteTree(prepared);
            copyTree(distribution(), prepared);
            augment(prepared);
            Files.writeString(marker, fingerprint);
            return prepared;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Keycloak in " + prepared, e);
        }
    }

    /** Runs start-dev without kc.config.built: Keycloak rebuilds itself and exits with 10 (as kc.sh expects). */
    private void augment(Path prepared) {
        List<String> arguments = new ArrayList<>(List.of("start-dev"));
        arguments.addAll(BUILD_OPTIONS);
        // never meant to serve: ports are free ones in case it did not need a rebuild after all
        arguments.add("--http-port=" + Workspace.freePort());
        arguments.add("--http-management-port=" + Workspace.freePort());
        Path log = runDir.resolve("augmentation.log");
        Process build = launch(java(javaExecutable(), jvmOptions(prepared), classpath(prepared), ENTRY_POINT, arguments),
                log, Keycloak::withoutOwnSettings);
        int exit = runToEnd(build, Duration.ofMinutes(10), "Keycloak's augmentation", log);
        if (exit != 10) {
            throw new IllegalStateException("Keycloak's augmentation ended with " + exit + " (10 expected); see "
                    + log + "\n" + tail(log));
        }
    }

    /** What kc.sh passes, with a smaller, serial-GC heap: tests need little and the box has two cores. */
    private static List<String> jvmOptions(Path home) {
        return List.of(
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m", "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.err.encoding=UTF-8",
                "-Djava.security.egd=file:/dev/urandom",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED",
                "-Duser.language=en", "-Duser.country=US",
                "-Dkc.home.dir=" + home,
                "-Djboss.server.config.dir=" + home.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Dpicocli.disable.closures=true",
                "-Dquarkus-log-max-startup-records=10000",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory");
    }

    private static String classpath(Path prepared) {
        return prepared.resolve("lib/quarkus-run.jar") + java.io.File.pathSeparator + ownLocation();
    }

    /** Temurin 25 when installed (Keycloak uses less memory on it), else this JVM's java. */
    private static String javaExecutable() {
        String configured = System.getProperty("ent.keycloak.java.home", System.getenv("ENT_KEYCLOAK_JAVA_HOME"));
        for (String home : new String[] {configured, "/usr/lib/jvm/temurin-25-jdk-amd64", System.getProperty("java.home")}) {
            if (home != null && Files.isExecutable(Path.of(home, "bin", "java"))) {
                return Path.of(home, "bin", "java").toString();
            }
        }
        throw new IllegalStateException("no java executable for Keycloak");
    }

    /** deploy/keycloak-dist/target/keycloak-VERSION, built now if a single-module run skipped it. */
    static synchronized Path distribution() {
        Path root = Workspace.repositoryRoot();
        Path dist = root.resolve("deploy/keycloak-dist/target/keycloak-" + VERSION);
        if (!Files.isRegularFile(dist.resolve("lib/quarkus-run.jar"))) {
            ServerJars.generateResources(root, "deploy/keycloak-dist", Duration.ofMinutes(20),
                    "could not unpack the Keycloak distribution (deploy/keycloak-dist)");
        }
        if (!Files.isRegularFile(dist.resolve("lib/quarkus-run.jar"))) {
            throw new IllegalStateException("no Keycloak distribution in " + dist);
        }
        return dist;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** For messages: the ports in use. */
    @Override
    public String toString() {
        return "Keycloak " + VERSION + " at " + baseUrl() + " (management " + managementPort + ")";
    }

    /** Form fields as an ordered map, for {@link #requestToken(Map)}. */
    public static Map<String, String> form(String... keysAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            form.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }
}
