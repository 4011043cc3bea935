package fr.ent.identity.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The few Keycloak Admin REST calls provisioning needs, with the client-credentials token of the
 * confidential client {@code identity-service} (a service account allowed to manage users).
 * Failures are {@link KeycloakException}s: the worker retries them later.
 */
@ApplicationScoped
public class KeycloakAdmin {

    /** What the directory wants the Keycloak user to be. */
    public record DesiredUser(String username, String email, String firstName, String lastName, boolean enabled,
                              String realmRole, String personId, Collection<String> schoolIds,
                              String initialPassword) {
    }

    public static class KeycloakException extends RuntimeException {
        public KeycloakException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KeycloakConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().build();
    private volatile String baseUrl;
    private volatile String token;
    private volatile Instant tokenExpiry = Instant.EPOCH;

    public KeycloakAdmin(KeycloakConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    String baseUrl() {
        return baseUrl != null ? baseUrl : config.url();
    }

    /** Test seam: point at another Keycloak (e.g. a closed port first, then the real one). */
    public void useBaseUrl(String url) {
        this.baseUrl = url;
        this.token = null;
    }

    /** Creates or updates the user so that it matches; returns its Keycloak id. Idempotent. */
    public String upsert(String knownId, DesiredUser u) {
        String id = Optional.ofNullable(knownId).filter(this::exists).or(() -> findByUsername(u.username())).orElse(null);
        ObjectNode rep = representation(u);
        boolean created = id == null;
        if (created) {
            // Created disabled and enabled once its role is granted: nobody may sign in with a half-made account.
            rep.put("enabled", false);
            if (u.initialPassword() != null) {
                ArrayNode creds = rep.putArray("credentials");
                creds.addObject().put("type", "password").put("value", u.initialPassword()).put("temporary", false);
            }
            HttpResponse<String> r = send("POST", "/users", rep);
            if (r.statusCode() == 409) {
                id = findByUsername(u.username()).orElseThrow(() -> fail("409 on create but no user " + u.username(), r));
            } else {
                expect(r, 201);
                String location = r.headers().firstValue("Location").orElseThrow(() -> fail("no Location", r));
                id = location.substring(location.lastIndexOf('/') + 1);
            }
        } else {
            expect(send("PUT", "/users/" + id, rep), 204);
            if (u.initialPassword() != null) {
                ObjectNode cred = json.createObjectNode().put("type", "password").put("value", u.initialPassword()).put("temporary", false);
                expect(send("PUT", "/users/" + id + "/reset-password", cred), 204);
            }
        }
        grantRealmRole(id, u.realmRole());
        if (created && u.enabled()) {
            expect(send("PUT", "/users/" + id, representation(u)), 204);
        }
        return id;
    }

    private ObjectNode representation(DesiredUser u) {
        ObjectNode rep = json.createObjectNode();
        rep.put("username", u.username());
        if (u.email() != null) rep.put("email", u.email()).put("emailVerified", true);
        rep.put("firstName", u.firstName()).put("lastName", u.lastName()).put("enabled", u.enabled());
        ObjectNode attributes = rep.putObject("attributes");
        attributes.putArray("person_id").add(u.personId());
        ArrayNode schools = attributes.putArray("school_ids");
        u.schoolIds().forEach(schools::add);
        rep.putArray("requiredActions");
        return rep;
    }

    private void grantRealmRole(String userId, String roleName) {
        HttpResponse<String> current = send("GET", "/users/" + userId + "/role-mappings/realm", null);
        expect(current, 200);
        for (JsonNode r : read(current)) if (roleName.equals(r.path("name").asText())) return;
        HttpResponse<String> role = send("GET", "/roles/" + roleName, null);
        expect(role, 200);
        ArrayNode body = json.createArrayNode().add(read(role));
        expect(send("POST", "/users/" + userId + "/role-mappings/realm", body), 204);
    }

    boolean exists(String id) {
        HttpResponse<String> r = send("GET", "/users/" + id, null);
        if (r.statusCode() == 404) return false;
        expect(r, 200);
        return true;
    }

    public Optional<String> findByUsername(String username) {
        HttpResponse<String> r = send("GET", "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        expect(r, 200);
        for (JsonNode u : read(r)) if (username.equalsIgnoreCase(u.path("username").asText())) return Optional.of(u.path("id").asText());
        return Optional.empty();
    }

    /** The user as Keycloak has it (for tests and diagnostics). */
    public Optional<JsonNode> user(String id) {
        HttpResponse<String> r = send("GET", "/users/" + id, null);
        if (r.statusCode() == 404) return Optional.empty();
        expect(r, 200);
        return Optional.of(read(r));
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) {
        HttpResponse<String> r = sendOnce(method, path, body);
        if (r.statusCode() == 401) { // token revoked or expired early: once more with a fresh one
            token = null;
            r = sendOnce(method, path, body);
        }
        return r;
    }

    private HttpResponse<String> sendOnce(String method, String path, JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + config.realm() + path))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return call(b.build());
    }

    private String token() {
        if (token != null && Instant.now().isBefore(tokenExpiry)) return token;
        String form = "grant_type=client_credentials&client_id=" + enc(config.clientId())
                + "&client_secret=" + enc(config.clientSecret().orElse(""));
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/" + config.realm() + "/protocol/openid-connect/token"))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r = call(req);
        expect(r, 200);
        JsonNode t = read(r);
        token = t.path("access_token").asText();
        tokenExpiry = Instant.now().plusSeconds(Math.max(5, t.path("expires_in").asLong(60) - 10));
        return token;
    }

    private HttpResponse<String> call(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakException("Keycloak unreachable at " + req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("interrupted", e);
        }
    }

    private JsonNode read(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new KeycloakException("unreadable answer from Keycloak: " + e.getMessage(), e);
        }
    }

    private void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) throw fail("expected " + status, r);
    }

    private KeycloakException fail(String what, HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        return new KeycloakException(r.request().method() + " " + r.uri().getPath() + ": " + what + ", got "
                + r.statusCode() + " " + body.substring(0, Math.min(300, body.length())), null);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
