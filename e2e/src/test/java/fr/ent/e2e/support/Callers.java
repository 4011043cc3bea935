package fr.ent.e2e.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The callers of the generated authorization suite, each a real relationship of the demo data to
 * Léa Dubois (pupil of 4A at Collège Jean Moulin). Their names are the columns of
 * {@code authorization-rules.csv}.
 */
public final class Callers {

    /** A caller: its column name, who it is, and how it gets a token (null: it has none). */
    public record Caller(String name, String who, String demoKey, String clientId, String clientSecret) {

        public boolean anonymous() {
            return demoKey == null && clientId == null;
        }

        /** The Authorization header value, empty when the caller cannot get a token on this platform. */
        public Optional<String> authorization() {
            if (anonymous()) {
                return Optional.of("");
            }
            if (demoKey != null) {
                String username = demoKey.equals("admin") ? Demo.adminUsername() : Demo.person(demoKey).username();
                return Optional.of("Bearer " + Tokens.forUser(username));
            }
            return clientToken(clientId, clientSecret).map(t -> "Bearer " + t);
        }
    }

    /**
     * The school integration clients of deploy/keycloak/realm-ent.json (service accounts with the
     * role {@code service}, bound to their school by a {@code school_ids} claim). On a realm without
     * Victor Hugo's client, Keycloak refuses it and the column {@code other_school_client} is
     * reported as not run (and fails nothing).
     */
    public static final List<Caller> ALL = List.of(
            new Caller("pupil", "Léa Dubois, the pupil herself (4A)", "lea", null, null),
            new Caller("guardian", "Sophie Dubois, Léa's mother", "sophie", null, null),
            new Caller("separated_parent", "Marc Dubois, Léa's father (separated, own account)", "marc", null, null),
            new Caller("other_family", "Thomas Petit, father of Emma (same class 4A)", "thomas", null, null),
            new Caller("class_teacher", "Claire Martin, teaches 4A", "claire", null, null),
            new Caller("other_teacher", "Julien Noël, teaches 6e/5e, not 4A", "julien", null, null),
            new Caller("staff", "Karim Benali, CPE of Jean Moulin", "cpe", null, null),
            new Caller("other_school_staff", "Isabelle Carpentier, staff of Victor Hugo", "staff_vh", null, null),
            new Caller("inspector", "Hélène Garnier, inspector (IA-IPR) of Jean Moulin", "inspector", null, null),
            new Caller("school_client", "school-0750001a-integration, Jean Moulin's integration (client credentials)",
                    null, "school-0750001a-integration", "school-0750001a-local-secret"),
            new Caller("other_school_client", "school-0690002b-integration, Victor Hugo's integration (client credentials)",
                    null, "school-0690002b-integration", "school-0690002b-local-secret"),
            new Caller("admin", "admin.ent, platform administrator", "admin", null, null),
            new Caller("anonymous", "no token", null, null, null));

    private record Cached(String token, Instant renewAfter) {
    }

    private static final Map<String, Optional<Cached>> CLIENTS = new ConcurrentHashMap<>();

    private Callers() {
    }

    public static Caller named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no caller " + name + "; callers: "
                        + ALL.stream().map(Caller::name).toList()));
    }

    /** A client-credentials token, cached until a minute before it expires; empty if Keycloak refuses the client. */
    static Optional<String> clientToken(String clientId, String secret) {
        Optional<Cached> cached = CLIENTS.get(clientId);
        if (cached != null && (cached.isEmpty() || Instant.now().isBefore(cached.get().renewAfter()))) {
            return cached.map(Cached::token);
        }
        Response answer = RestAssured.given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post(Platform.TOKEN_ENDPOINT);
        Optional<Cached> got = Optional.empty();
        if (answer.statusCode() == 200) {
            int lifetime = answer.path("expires_in");
            got = Optional.of(new Cached(answer.path("access_token"), Instant.now().plusSeconds(Math.max(0, lifetime - 60))));
        }
        CLIENTS.put(clientId, got);
        return got.map(Cached::token);
    }
}
