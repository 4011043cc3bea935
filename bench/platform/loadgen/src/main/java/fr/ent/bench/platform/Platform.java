package fr.ent.bench.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** The running local platform as a client sees it: the gateway, and Keycloak for tokens. */
final class Platform {

    static final ObjectMapper JSON = new ObjectMapper();

    final String gateway;
    final String keycloak;
    final HttpClient http;

    Platform(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        Answer ok() {
            if (status / 100 != 2) throw new IllegalStateException("HTTP " + status + ": " + body);
            return this;
        }
    }

    /** A signed-in person: the access token and the refresh token to renew it without a password. */
    static final class Session {
        final String username;
        volatile String accessToken;
        volatile String refreshToken;

        Session(String username) {
            this.username = username;
        }
    }

    Session signIn(String username, String password) {
        Session s = new Session(username);
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                take(s, token("ent", Map.of("grant_type", "password", "client_id", "ent-test",
                        "username", username, "password", password)));
                return s;
            } catch (RuntimeException e) {
                last = e;
                sleep(500);
            }
        }
        throw last;
    }

    /** Tokens live 300 s: long phases renew them first. */
    void refresh(Session s) {
        take(s, token("ent", Map.of("grant_type", "refresh_token", "client_id", "ent-test",
                "refresh_token", s.refreshToken)));
    }

    private static void take(Session s, JsonNode token) {
        s.accessToken = token.get("access_token").asText();
        s.refreshToken = token.get("refresh_token").asText();
    }

    JsonNode token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(req).ok().json();
    }

    /** Keycloak's admin API with the local master admin (admin / admin, see deploy/local/up). */
    Answer keycloakAdmin(String method, String path, Object body) {
        return send(request(keycloak + "/admin/realms/ent" + path, adminToken(), method, body));
    }

    private volatile String adminToken;
    private volatile long adminTokenUntil = Long.MIN_VALUE;

    /** The master admin's token, kept 30 s (it lives 60): each grant costs Keycloak a password hash. */
    private String adminToken() {
        if (System.nanoTime() > adminTokenUntil) {
            synchronized (this) {
                if (System.nanoTime() > adminTokenUntil) {
                    adminToken = token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", "admin", "password", "admin")).get("access_token").asText();
                    adminTokenUntil = System.nanoTime() + 30_000_000_000L;
                }
            }
        }
        return adminToken;
    }

    /** Gives an existing account a password (imported people have none). */
    void setPassword(String username, String password) {
        JsonNode users = keycloakAdmin("GET", "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).ok().json();
        if (users.isEmpty()) throw new IllegalStateException("no Keycloak account " + username);
        keycloakAdmin("PUT", "/users/" + users.get(0).get("id").asText() + "/reset-password",
                Map.of("type", "password", "value", password, "temporary", false)).ok();
    }

    /** The person's live notification stream through the gateway, open (200) or an exception. */
    HttpResponse<InputStream> openStream(Session who) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(gateway + "/api/notification/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + who.accessToken)
                .GET().build();
        HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (res.statusCode() != 200) throw new IllegalStateException("stream answered " + res.statusCode());
        return res;
    }

    /**
     * A call as that person. A token that expired on the way (tokens live 300 s) is renewed once and
     * the call made again; a 429 (the gateway's per-person rate limit, met by the set-up's many reads
     * as one CPE) is waited out, up to 30 times a second.
     */
    Answer call(Session who, String method, String path, Object body) {
        Answer a = send(request(gateway + path, who.accessToken, method, body));
        if (a.status() == 401 && who.refreshToken != null) {
            refresh(who);
            a = send(request(gateway + path, who.accessToken, method, body));
        }
        for (int wait = 0; a.status() == 429 && wait < 30; wait++) {
            sleep(1000);
            a = send(request(gateway + path, who.accessToken, method, body));
        }
        return a;
    }

    CompletableFuture<Answer> callAsync(Session who, String method, String path, Object body) {
        return http.sendAsync(request(gateway + path, who.accessToken, method, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.body()));
    }

    HttpRequest request(String url, String token, String method, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.build();
    }

    Answer send(HttpRequest req) {
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pupils of each class of the demo's {@code classes} node (id → pupil ids, in the node's order), read as {@code who}. */
    Map<String, List<String>> pupilsByClass(Session who, JsonNode classes) {
        Map<String, List<String>> pupilsOf = new LinkedHashMap<>();
        classes.fields().forEachRemaining(c -> {
            List<String> pupils = new ArrayList<>();
            call(who, "GET", "/api/identity/classes/" + c.getValue().asText() + "/pupils", null).ok().json()
                    .forEach(p -> pupils.add(p.get("id").asText()));
            pupilsOf.put(c.getValue().asText(), pupils);
        });
        return pupilsOf;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
