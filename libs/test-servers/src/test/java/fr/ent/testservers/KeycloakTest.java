package fr.ent.testservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static fr.ent.testservers.Keycloak.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Keycloak with the realm of deploy/keycloak/realm-ent.json. One class so the server starts
 * once. Users are created the way identity-service will create them: through the admin REST API
 * with the identity-service client's own service account.
 */
class KeycloakTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Correct-Horse-Battery-42";
    private static Keycloak keycloak;
    private static String provisioner;

    @BeforeAll
    static void start() {
        keycloak = Keycloak.shared();
        System.out.printf("Keycloak ready in %d ms (pid %d, %s)%n", keycloak.startTime().toMillis(), keycloak.pid(), keycloak);
        provisioner = keycloak.clientCredentials(Keycloak.IDENTITY_CLIENT, Keycloak.IDENTITY_SECRET);
    }

    @Test
    void a_teacher_provisioned_through_the_admin_api_signs_in_with_role_person_and_schools() throws Exception {
        String personId = UUID.randomUUID().toString();
        String school1 = UUID.randomUUID().toString();
        String school2 = UUID.randomUUID().toString();
        provision("marie.curie", personId, List.of(school1, school2), "teacher");

        String token = keycloak.passwordGrant(Keycloak.TEST_CLIENT, "marie.curie", PASSWORD);

        JsonNode claims = verifiedClaims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(texts(claims.path("aud"))).contains(Keycloak.AUDIENCE);
        assertThat(texts(claims.path("realm_access").path("roles"))).contains("teacher").doesNotContain("admin", "staff");
        assertThat(claims.path("person_id").asText()).isEqualTo(personId);
        assertThat(claims.path("school_ids").isArray()).isTrue();
        assertThat(texts(claims.path("school_ids"))).containsExactlyInAnyOrder(school1, school2);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(300);
        // cached: the second call costs no password hashing and returns the same token
        assertThat(keycloak.passwordGrant(Keycloak.TEST_CLIENT, "marie.curie", PASSWORD)).isEqualTo(token);
    }

    @Test
    void a_pupil_in_one_school_gets_school_ids_as_an_array_of_one() throws Exception {
        String school = UUID.randomUUID().toString();
        provision("leo.martin", UUID.randomUUID().toString(), List.of(school), "pupil");

        JsonNode claims = verifiedClaims(keycloak.passwordGrant(Keycloak.TEST_CLIENT, "leo.martin", PASSWORD));

        assertThat(claims.path("school_ids").isArray()).isTrue();
        assertThat(texts(claims.path("school_ids"))).containsExactly(school);
        assertThat(texts(claims.path("realm_access").path("roles"))).contains("pupil");
    }

    @Test
    void undeclared_attributes_are_dropped_and_malformed_ids_refused() throws Exception {
        HttpResponse<String> malformed = asProvisioner("POST", "/users", """
                {"username":"bad.id","enabled":true,"firstName":"Bad","lastName":"Id",
                 "attributes":{"person_id":["not-a-uuid"]}}""");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("person_id");

        String userId = provision("undeclared.attr", UUID.randomUUID().toString(), List.of(), "parent");
        asProvisioner("PUT", "/users/" + userId, """
                {"firstName":"Undeclared","lastName":"Attr","attributes":{"person_id":["%s"],"nickname":["x"]}}"""
                .formatted(UUID.randomUUID()));
        JsonNode user = JSON.readTree(asProvisioner("GET", "/users/" + userId, null).body());
        assertThat(user.path("attributes").has("nickname")).isFalse();
        assertThat(user.path("attributes").has("person_id")).isTrue();
    }

    @Test
    void a_disabled_person_can_no_longer_get_a_token() throws Exception {
        String userId = provision("paul.durand", UUID.randomUUID().toString(), List.of(UUID.randomUUID().toString()), "parent");
        Map<String, String> passwordGrant = form("grant_type", "password", "client_id", Keycloak.TEST_CLIENT,
                "username", "paul.durand", "password", PASSWORD);
        assertThat(keycloak.requestToken(passwordGrant).statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = asProvisioner("PUT", "/users/" + userId, """
                {"enabled":false,"firstName":"Test","lastName":"paul.durand"}""");
        assertThat(disabled.statusCode()).isEqualTo(204);

        HttpResponse<String> refused = keycloak.requestToken(passwordGrant);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void the_mobile_app_is_activated_by_the_device_authorization_grant() throws Exception {
        String personId = UUID.randomUUID().toString();
        String school = UUID.randomUUID().toString();
        provision("julie.bernard", personId, List.of(school), "parent");

        // 1. the app asks for a code
        HttpResponse<String> device = post(keycloak.issuer() + "/protocol/openid-connect/auth/device",
                form("client_id", Keycloak.MOBILE_CLIENT), HttpClient.newHttpClient());
        assertThat(device.statusCode()).isEqualTo(200);
        JsonNode codes = JSON.readTree(device.body());
        String deviceCode = codes.path("device_code").asText();
        String userCode = codes.path("user_code").asText();
        assertThat(userCode).isNotBlank();
        assertThat(codes.path("verification_uri").asText()).isEqualTo(keycloak.issuer() + "/device");
        Map<String, String> poll = form("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "client_id", Keycloak.MOBILE_CLIENT, "device_code", deviceCode);
        HttpResponse<String> pending = keycloak.requestToken(poll);
        assertThat(pending.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(pending.body()).path("error").asText()).isEqualTo("authorization_pending");

        // 2. the person opens the verification link the app shows (verification_uri_complete: the
        //    code is in it), signs in, and confirms on the consent page. (Typing the code into the
        //    form of verification_uri is not driven here: this Keycloak build routes that form's
        //    POST to the device authorization endpoint and answers invalid_client.)
        Browser browser = new Browser();
        String page = browser.get(codes.path("verification_uri_complete").asText());
        assertThat(page).contains("kc-form-login");
        page = browser.submit(page, Map.of("username", "julie.bernard", "password", PASSWORD)).body();
        assertThat(page).contains("Activer l&#39;application mobile ENT");
        HttpResponse<String> confirmed = browser.submit(page, Map.of("accept", "Yes"));
        // Keycloak then sends the browser to its "device login" status page
        assertThat(confirmed.uri().getPath()).isEqualTo("/realms/ent/device/status");

        // 3. the app's next poll (at the realm's interval) gets the person's token
        AtomicReference<HttpResponse<String>> granted = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5500))
                .until(() -> {
                    granted.set(keycloak.requestToken(poll));
                    return granted.get().statusCode() != 400
                            || !JSON.readTree(granted.get().body()).path("error").asText().matches("authorization_pending|slow_down");
                });
        assertThat(granted.get().statusCode()).as(granted.get().body()).isEqualTo(200);
        JsonNode claims = verifiedClaims(JSON.readTree(granted.get().body()).path("access_token").asText());
        assertThat(claims.path("azp").asText()).isEqualTo(Keycloak.MOBILE_CLIENT);
        assertThat(claims.path("person_id").asText()).isEqualTo(personId);
        assertThat(texts(claims.path("school_ids"))).containsExactly(school);
        assertThat(texts(claims.path("aud"))).contains(Keycloak.AUDIENCE);
        assertThat(texts(claims.path("realm_access").path("roles"))).contains("parent");

        // a device code is good for one token only
        assertThat(keycloak.requestToken(poll).statusCode()).isEqualTo(400);
    }

    @Test
    void a_school_integration_gets_a_service_token_by_client_credentials() throws Exception {
        JsonNode claims = verifiedClaims(keycloak.clientCredentials(Keycloak.INTEGRATION_CLIENT, Keycloak.INTEGRATION_SECRET));

        assertThat(texts(claims.path("realm_access").path("roles"))).contains("service");
        assertThat(texts(claims.path("aud"))).contains(Keycloak.AUDIENCE);
        assertThat(claims.path("azp").asText()).isEqualTo(Keycloak.INTEGRATION_CLIENT);
        assertThat(claims.has("person_id")).isFalse();

        HttpResponse<String> wrongSecret = keycloak.requestToken(form("grant_type", "client_credentials",
                "client_id", Keycloak.INTEGRATION_CLIENT, "client_secret", "guessed"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void the_portal_accepts_only_the_code_flow_with_pkce_and_exact_redirect_uris() throws Exception {
        provision("password.on.portal", UUID.randomUUID().toString(), List.of(), "staff");
        HttpResponse<String> password = keycloak.requestToken(form("grant_type", "password", "client_id", Keycloak.PORTAL_CLIENT,
                "username", "password.on.portal", "password", PASSWORD));
        assertThat(password.statusCode()).isIn(400, 401);
        assertThat(JSON.readTree(password.body()).path("error").asText()).isEqualTo("unauthorized_client");

        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String auth = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=ent-portal&response_type=code&scope=openid&state=s1";
        String callback = "&redirect_uri=" + URLEncoder.encode("http://localhost:8080/portal/callback", StandardCharsets.UTF_8);
        String challenge = "&code_challenge=" + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" + "&code_challenge_method=S256";

        HttpResponse<String> withoutPkce = get(noRedirects, auth + callback);
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:8080/portal/callback").contains("error=invalid_request");

        HttpResponse<String> plainPkce = get(noRedirects, auth + callback + "&code_challenge=abc&code_challenge_method=plain");
        assertThat(plainPkce.headers().firstValue("Location").orElse("")).contains("error=invalid_request");

        HttpResponse<String> otherRedirect = get(noRedirects, auth + challenge + "&redirect_uri="
                + URLEncoder.encode("http://localhost:8080/portal/callback/../evil", StandardCharsets.UTF_8));
        assertThat(otherRedirect.statusCode()).isEqualTo(400);

        HttpResponse<String> implicit = get(noRedirects, keycloak.issuer()
                + "/protocol/openid-connect/auth?client_id=ent-portal&response_type=token&scope=openid&nonce=n" + callback);
        assertThat(implicit.headers().firstValue("Location").orElse("")).contains("error=unauthorized_client");

        HttpResponse<String> proper = get(noRedirects, auth + callback + challenge);
        assertThat(proper.statusCode()).isEqualTo(200);
        assertThat(proper.body()).contains("kc-form-login");
    }

    // ----------------------------------------------------------------------------- helpers

    /** Creates a user as identity-service will: its service account, the admin REST API. */
    private static String provision(String username, String personId, List<String> schoolIds, String role) throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("person_id", List.of(personId));
        if (!schoolIds.isEmpty()) {
            attributes.put("school_ids", schoolIds);
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", "Test");
        user.put("lastName", username);
        user.put("attributes", attributes);
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        HttpResponse<String> created = asProvisioner("POST", "/users", JSON.writeValueAsString(user));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);

        HttpResponse<String> realmRole = asProvisioner("GET", "/roles/" + role, null);
        assertThat(realmRole.statusCode()).as(realmRole.body()).isEqualTo(200);
        HttpResponse<String> mapped = asProvisioner("POST", "/users/" + userId + "/role-mappings/realm", "[" + realmRole.body() + "]");
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
        return userId;
    }

    private static HttpResponse<String> asProvisioner(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.adminUrl() + path))
                .header("Authorization", "Bearer " + provisioner)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token's claims, after checking its RS256 signature against the realm's published keys. */
    private static JsonNode verifiedClaims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        JsonNode keys = JSON.readTree(get(HttpClient.newHttpClient(), keycloak.jwksUrl()).body()).path("keys");
        JsonNode jwk = null;
        for (JsonNode key : keys) {
            if (key.path("kid").asText().equals(header.path("kid").asText())) {
                jwk = key;
            }
        }
        assertThat(jwk).as("key %s in the realm's JWKS", header.path("kid")).isNotNull();
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, Map<String, String> form, HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Just enough of a browser for Keycloak's server-rendered pages: cookies, redirects, and
     * submitting the page's form with its hidden fields plus what the person types.
     */
    private static final class Browser {
        private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
        private static final Pattern HIDDEN = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>", Pattern.DOTALL);
        private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
        private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        /** Where the last page came from, to resolve relative form actions. */
        private URI current;

        String get(String url) throws Exception {
            HttpResponse<String> response = KeycloakTest.get(client, url);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            current = response.uri();
            return response.body();
        }

        /** Submits the page's first form; follows redirects; returns where it landed. */
        HttpResponse<String> submit(String page, Map<String, String> typed) throws Exception {
            Matcher form = FORM.matcher(page);
            assertThat(form.find()).as("a form on the page:\n%s", page).isTrue();
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher hidden = HIDDEN.matcher(form.group(2));
            while (hidden.find()) {
                Matcher name = NAME.matcher(hidden.group());
                Matcher value = VALUE.matcher(hidden.group());
                if (name.find()) {
                    fields.put(name.group(1), value.find() ? unescape(value.group(1)) : "");
                }
            }
            fields.putAll(typed);
            HttpResponse<String> response = post(current.resolve(unescape(form.group(1))).toString(), fields, client);
            current = response.uri();
            return response;
        }

        /**
         * Keycloak marks its cookies Secure (a browser treats http://localhost as secure anyway);
         * java.net.CookieManager would never send them over http, so keep them all, by name.
         */
        private static final class LocalhostCookies extends CookieHandler {
            private final Map<String, String> cookies = new LinkedHashMap<>();

            @Override
            public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
                return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))));
            }

            @Override
            public synchronized void put(URI uri, Map<String, List<String>> headers) {
                headers.forEach((name, values) -> {
                    if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                        for (String cookie : values) {
                            String pair = cookie.split(";", 2)[0];
                            int eq = pair.indexOf('=');
                            String key = pair.substring(0, eq).trim();
                            String value = pair.substring(eq + 1).trim();
                            if (value.isEmpty() || cookie.toLowerCase().contains("max-age=0")) {
                                cookies.remove(key);
                            } else {
                                cookies.put(key, value);
                            }
                        }
                    }
                });
            }
        }

        private static String unescape(String html) {
            return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"").replace("&#x2F;", "/");
        }
    }
}
