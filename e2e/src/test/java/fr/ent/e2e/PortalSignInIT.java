package fr.ent.e2e;

import fr.ent.e2e.support.Browser;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.Platform;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One web sign-in as the portal does it: authorization code with PKCE (S256) for the public client
 * ent-portal, on the real Keycloak login page in headless Chromium; the browser lands on the
 * portal's callback with the code (the gateway has no portal yet and may answer 404 there: only
 * the URL matters); the code and the verifier buy a token, and the token calls the API through the
 * gateway.
 */
class PortalSignInIT {

    private static final String CLIENT = "ent-portal";
    private static final String CALLBACK = Platform.GATEWAY + "/portal/callback";
    private static final Duration PAGE = Duration.ofSeconds(60);

    @Test
    void sophie_signs_in_on_the_french_login_page_with_pkce_and_the_api_knows_her_and_her_two_children() {
        Person sophie = Demo.person("sophie");
        String verifier = randomUrlSafe(48);
        String state = UUID.randomUUID().toString();
        String authorize = Platform.REALM + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", CLIENT, "response_type", "code", "scope", "openid", "redirect_uri", CALLBACK,
                "state", state, "nonce", UUID.randomUUID().toString(),
                "code_challenge", s256(verifier), "code_challenge_method", "S256"));

        URI landed;
        // A browser asking for German, which the realm does not offer: French must come from the
        // realm's default locale, not from the browser.
        try (Browser browser = Browser.start("de-DE,de")) {
            WebDriver page = browser.driver();
            page.get(authorize);
            new WebDriverWait(page, PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
            assertThat(page.getTitle()).isEqualTo("Se connecter à ENT");
            assertThat(page.findElement(By.id("kc-login")).getText().trim()).isEqualTo("Connexion");
            assertThat(page.findElement(By.cssSelector("label[for=username]")).getText()).contains("Nom d'utilisateur");
            assertThat(page.findElement(By.cssSelector("label[for=password]")).getText()).contains("Mot de passe");

            page.findElement(By.id("username")).sendKeys(sophie.username());
            page.findElement(By.id("password")).sendKeys(Demo.password());
            page.findElement(By.id("kc-login")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(CALLBACK) + "\\?"));
            landed = URI.create(page.getCurrentUrl());
        }

        Map<String, String> callback = query(landed);
        assertThat(callback).as("callback %s", landed).doesNotContainKey("error").containsEntry("state", state);
        assertThat(callback.get("code")).isNotBlank();
        assertThat(callback.get("iss")).isEqualTo(Platform.REALM);

        JsonPath tokens = RestAssured.given()
                .formParam("grant_type", "authorization_code")
                .formParam("client_id", CLIENT)
                .formParam("code", callback.get("code"))
                .formParam("redirect_uri", CALLBACK)
                .formParam("code_verifier", verifier)
                .post(Platform.TOKEN_ENDPOINT)
                .then().statusCode(200).extract().jsonPath();
        assertThat(tokens.getString("token_type")).isEqualToIgnoringCase("Bearer");
        String accessToken = tokens.getString("access_token");
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.getString("azp")).as("the client the token was issued to").isEqualTo(CLIENT);
        assertThat(claims.getString("person_id")).isEqualTo(sophie.id().toString());
        assertThat(claims.getList("realm_access.roles", String.class)).contains("parent");

        JsonPath me = Gateway.withAuthorization("Bearer " + accessToken).get("/api/identity/me")
                .then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("profile.id")).isEqualTo(sophie.id().toString());
        assertThat(me.getString("profile.username")).isEqualTo(sophie.username());
        assertThat(me.getString("profile.role")).isEqualTo("PARENT");
        assertThat(me.getList("children.person.id", String.class)).containsExactlyInAnyOrder(
                Demo.person("lea").id().toString(), Demo.person("hugo").id().toString());
        assertThat(me.getList("children.person.firstName", String.class)).containsExactlyInAnyOrder("Léa", "Hugo");
    }

    /** S256: BASE64URL(SHA-256(verifier)), without padding (RFC 7636). */
    private static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(fields).forEach((k, v) -> s.append(s.isEmpty() ? "" : "&")
                .append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
