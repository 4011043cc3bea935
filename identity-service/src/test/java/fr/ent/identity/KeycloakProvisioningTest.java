package fr.ent.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.identity.provisioning.KeycloakAdmin;
import fr.ent.testservers.Keycloak;
import fr.ent.testservers.KeycloakResource;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.identity.Api.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the real Keycloak (realm ent): people created through the API can sign in with the right
 * role, person id and school; a disabled person cannot; provisioning catches up after an outage; a
 * school integration's client-credentials token reads only the school its client is bound to.
 * A profile of its own, so the rest of the suite never starts Keycloak.
 */
@QuarkusTest
@TestProfile(KeycloakProvisioningTest.WithKeycloak.class)
class KeycloakProvisioningTest {

    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresAndKafka.class), new TestResourceEntry(KeycloakResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Tokens come from Keycloak here. A key location known at build time stops Quarkus from
            // making its in-memory test key pair (which would win over the realm's keys); the
            // expression resolves at run time with the URL KeycloakResource sets.
            String realm = "${ent.keycloak.url:http://localhost:1}/realms/ent";
            return Map.of("mp.jwt.verify.publickey.location", realm + "/protocol/openid-connect/certs",
                    "%test.mp.jwt.verify.issuer", realm,
                    "ent.identity.keycloak.poll-every", "1s",
                    "ent.identity.keycloak.first-retry", "0.5s",
                    "ent.identity.keycloak.max-retry", "1s",
                    "ent.identity.keycloak.timeout", "2s");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "Motdepasse-de-test-42";

    @Inject KeycloakAdmin keycloakAdmin;
    @Inject EntityManager em;

    private final Keycloak keycloak = Keycloak.shared();

    /** An administrator of the realm, signed in for real. */
    private String adminToken() {
        String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.createUser(username, PASSWORD, UUID.randomUUID().toString(), List.of(), "admin");
        return keycloak.passwordGrant(Keycloak.TEST_CLIENT, username, PASSWORD);
    }

    private UUID create(String token, Map<String, Object> body) {
        return Api.id(given().auth().oauth2(token).contentType("application/json").body(body)
                .post(BASE + "/people").then().statusCode(201).extract().path("id"));
    }

    private HttpResponse<String> signIn(String username) {
        return keycloak.requestToken(Keycloak.form("grant_type", "password", "client_id", Keycloak.TEST_CLIENT,
                "username", username, "password", PASSWORD));
    }

    private static JsonNode claims(HttpResponse<String> tokenResponse) throws Exception {
        String token = JSON.readTree(tokenResponse.body()).path("access_token").asText();
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void a_person_created_through_the_api_signs_in_with_their_role_and_school_until_disabled() throws Exception {
        String admin = adminToken();
        UUID school = Api.id(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("uai", Api.uai(), "name", "Collège Keycloak", "type", "COLLEGE"))
                .post(BASE + "/schools").then().statusCode(201).extract().path("id"));
        String username = "prof-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("role", "TEACHER", "firstName", "Agnès", "lastName", "Keycloak",
                "email", username + "@example.org", "schoolIds", List.of(school), "username", username, "initialPassword", PASSWORD));
        UUID teacher = create(admin, body);

        HttpResponse<String> signedIn = await().atMost(Duration.ofSeconds(30)).until(() -> signIn(username), r -> r.statusCode() == 200);
        JsonNode claims = claims(signedIn);
        assertThat(claims.path("person_id").asText()).isEqualTo(teacher.toString());
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"teacher\"");
        assertThat(claims.path("school_ids").toString()).contains(school.toString());

        // The token is accepted by the service itself: the teacher reads their own profile
        String token = JSON.readTree(signedIn.body()).path("access_token").asText();
        given().auth().oauth2(token).get(BASE + "/me").then().statusCode(200)
                .body("profile.id", org.hamcrest.Matchers.is(teacher.toString()));

        given().auth().oauth2(admin).post(BASE + "/people/" + teacher + "/disable").then().statusCode(200);
        HttpResponse<String> refused = await().atMost(Duration.ofSeconds(30)).until(() -> signIn(username), r -> r.statusCode() != 200);
        assertThat(refused.body()).contains("invalid_grant");
    }

    @Test
    void an_inspector_over_two_schools_signs_in_with_the_inspector_role_and_both_schools() throws Exception {
        String admin = adminToken();
        UUID moulin = school(admin, "Collège Inspecté");
        UUID hugo = school(admin, "Collège Aussi Inspecté");
        String username = "ipr-" + UUID.randomUUID().toString().substring(0, 8);
        UUID inspector = create(admin, new HashMap<>(Map.of("role", "INSPECTOR", "firstName", "Hélène", "lastName", "Garnier",
                "email", username + "@ac-strasbourg.example", "schoolIds", List.of(moulin, hugo), "username", username,
                "initialPassword", PASSWORD)));

        HttpResponse<String> signedIn = await().atMost(Duration.ofSeconds(30)).until(() -> signIn(username), r -> r.statusCode() == 200);
        JsonNode claims = claims(signedIn);
        assertThat(claims.path("person_id").asText()).isEqualTo(inspector.toString());
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"inspector\"")
                .doesNotContain("\"staff\"", "\"teacher\"", "\"admin\"");
        assertThat(claims.path("school_ids").toString()).contains(moulin.toString(), hugo.toString());
        String token = JSON.readTree(signedIn.body()).path("access_token").asText();
        given().auth().oauth2(token).get(BASE + "/me").then().statusCode(200)
                .body("profile.role", org.hamcrest.Matchers.is("INSPECTOR"));
    }

    @Test
    void provisioning_catches_up_after_keycloak_was_unreachable_without_duplicates() throws Exception {
        String admin = adminToken();
        UUID school = Api.id(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("uai", Api.uai(), "name", "Collège Panne", "type", "COLLEGE"))
                .post(BASE + "/schools").then().statusCode(201).extract().path("id"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        keycloakAdmin.useBaseUrl("http://localhost:" + closedPort);
        String username = "parent-" + UUID.randomUUID().toString().substring(0, 8);
        UUID parent;
        try {
            parent = create(admin, new HashMap<>(Map.of("role", "PARENT", "firstName", "Brigitte", "lastName", "Panne",
                    "schoolIds", List.of(school), "username", username, "initialPassword", PASSWORD)));
            // Keycloak "down": the task fails, is kept, and retried
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(parent) >= 2);
            assertThat(signIn(username).statusCode()).isNotEqualTo(200);
        } finally {
            keycloakAdmin.useBaseUrl(null);
        }
        HttpResponse<String> signedIn = await().atMost(Duration.ofSeconds(30)).until(() -> signIn(username), r -> r.statusCode() == 200);
        JsonNode claims = claims(signedIn);
        assertThat(claims.path("person_id").asText()).isEqualTo(parent.toString());
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"parent\"");
        HttpResponse<String> users = keycloak.admin("GET", "/users?exact=true&username=" + username, null);
        assertThat(JSON.readTree(users.body())).hasSize(1);
        assertThat(pending(parent)).isZero();
    }

    @Test
    void a_school_integrations_client_credentials_token_reads_only_the_school_the_realm_binds_it_to() throws Exception {
        String admin = adminToken();
        UUID schoolA = school(admin, "Collège Intégré");
        UUID schoolB = school(admin, "Collège Voisin");
        UUID pupilA = create(admin, new HashMap<>(Map.of("role", "PUPIL", "firstName", "Anna", "lastName", "Intégrée", "schoolIds", List.of(schoolA))));
        UUID pupilB = create(admin, new HashMap<>(Map.of("role", "PUPIL", "firstName", "Bruno", "lastName", "Voisin", "schoolIds", List.of(schoolB))));

        // As the realm file declares it, the client is bound to no school: its token reads nothing
        String unbound = JSON.readTree(keycloak.requestToken(Keycloak.form("grant_type", "client_credentials",
                "client_id", Keycloak.INTEGRATION_CLIENT, "client_secret", Keycloak.INTEGRATION_SECRET)).body()).path("access_token").asText();
        given().auth().oauth2(unbound).get(BASE + "/people?schoolId=" + schoolA).then().statusCode(404);
        given().auth().oauth2(unbound).get(BASE + "/people/" + pupilA).then().statusCode(404);

        bindIntegration(List.of(schoolA));
        try {
            HttpResponse<String> issued = keycloak.requestToken(Keycloak.form("grant_type", "client_credentials",
                    "client_id", Keycloak.INTEGRATION_CLIENT, "client_secret", Keycloak.INTEGRATION_SECRET));
            JsonNode claims = claims(issued);
            assertThat(claims.has("person_id")).isFalse();
            assertThat(claims.path("school_ids").isArray()).isTrue();
            assertThat(claims.path("school_ids").toString()).isEqualTo("[\"" + schoolA + "\"]");
            String token = JSON.readTree(issued.body()).path("access_token").asText();

            given().auth().oauth2(token).get(BASE + "/people?schoolId=" + schoolA).then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.contains(pupilA.toString()));
            given().auth().oauth2(token).get(BASE + "/people/" + pupilA).then().statusCode(200);
            given().auth().oauth2(token).get(BASE + "/people?schoolId=" + schoolB).then().statusCode(404);
            given().auth().oauth2(token).get(BASE + "/people/" + pupilB).then().statusCode(404);
            given().auth().oauth2(token).get(BASE + "/people/" + pupilB + "/guardians").then().statusCode(404);
            // read-only: the realm gives it no integration-write
            given().auth().oauth2(token).contentType("application/json")
                    .body(Map.of("role", "PUPIL", "firstName", "Jo", "lastName", "Sync", "schoolIds", List.of(schoolA)))
                    .post(BASE + "/people").then().statusCode(403);
        } finally {
            bindIntegration(List.of());
        }
    }

    private UUID school(String admin, String name) {
        return Api.id(given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("uai", Api.uai(), "name", name, "type", "COLLEGE"))
                .post(BASE + "/schools").then().statusCode(201).extract().path("id"));
    }

    /** Sets the hardcoded claim school_ids of the realm's example integration client, as ops (or demo-data) do. */
    private void bindIntegration(List<UUID> schools) throws Exception {
        String client = JSON.readTree(keycloak.admin("GET", "/clients?clientId=" + Keycloak.INTEGRATION_CLIENT, null).body()).get(0).path("id").asText();
        JsonNode mapper = null;
        for (JsonNode m : JSON.readTree(keycloak.admin("GET", "/clients/" + client + "/protocol-mappers/models", null).body())) {
            if (m.path("name").asText().equals("school_ids")) mapper = m;
        }
        assertThat(mapper).as("the realm file gives the integration client a school_ids mapper").isNotNull();
        assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-hardcoded-claim-mapper");
        var changed = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed.path("config"))
                .put("claim.value", JSON.writeValueAsString(schools.stream().map(UUID::toString).toList()));
        HttpResponse<String> put = keycloak.admin("PUT", "/clients/" + client + "/protocol-mappers/models/" + mapper.path("id").asText(),
                JSON.writeValueAsString(changed));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    }

    private long attempts(UUID person) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(attempts), 0) from provisioning_task where person_id = ?1")
                .setParameter(1, person).getSingleResult()).longValue());
    }

    private long pending(UUID person) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from provisioning_task where person_id = ?1 and done_at is null")
                .setParameter(1, person).getSingleResult()).longValue());
    }
}
