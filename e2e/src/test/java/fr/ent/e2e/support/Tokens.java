package fr.ent.e2e.support;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from Keycloak (realm ent): the password grant of the test-only public client
 * {@code ent-test}, as the demo people with the demo password. A token is reused until a minute
 * before it expires (a password grant costs ~200 ms of hashing).
 */
public final class Tokens {

    private record Cached(String token, Instant renewAfter) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of the demo person with that key in demo.json ("claire", "sophie", "cpe"...), or "admin". */
    public static String of(String personKey) {
        return forUser(personKey.equals("admin") ? Demo.adminUsername() : Demo.person(personKey).username());
    }

    public static String forUser(String username) {
        Cached cached = CACHE.get(username);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.token();
        }
        Response answer = RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "ent-test")
                .formParam("username", username)
                .formParam("password", Demo.password())
                .formParam("scope", "openid")
                .post(Platform.TOKEN_ENDPOINT);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token to " + username + ": " + answer.statusCode() + " "
                    + answer.asString());
        }
        String token = answer.path("access_token");
        int lifetime = answer.path("expires_in");
        CACHE.put(username, new Cached(token, Instant.now().plusSeconds(Math.max(0, lifetime - 60))));
        return token;
    }
}
