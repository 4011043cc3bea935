package fr.ent.web;

import fr.ent.testservers.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Authentication and authorisation failures are problem details too; deny by default holds. */
@QuarkusTest
class SecurityProblemsTest {

    static final String PROBLEM = "application/problem+json";
    static final String TYPES = "https://ent.example/problems/";

    static ValidatableResponse assert401(ValidatableResponse response) {
        return response.statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo(TYPES + "unauthorized"))
                .body("title", equalTo("Authentication required"))
                .body("status", equalTo(401));
    }

    static ValidatableResponse getMe(String token) {
        return given().auth().oauth2(token).when().get("/api/pupils/me").then();
    }

    @Test
    void the_current_user_comes_from_the_token() {
        UUID teacher = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        given().auth().oauth2(TestTokens.teacher(teacher, school)).queryParam("school", school)
                .when().get("/api/pupils/me")
                .then().statusCode(200)
                .body("personId", equalTo(teacher.toString()))
                .body("roles", containsInAnyOrder("teacher"))
                .body("schoolIds", containsInAnyOrder(school.toString()))
                .body("isAdmin", is(false))
                .body("belongsTo", is(true));
        given().auth().oauth2(TestTokens.teacher(teacher, school)).queryParam("school", UUID.randomUUID())
                .when().get("/api/pupils/me")
                .then().statusCode(200).body("belongsTo", is(false));
    }

    @Test
    void a_person_in_two_schools_with_two_roles() {
        UUID person = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        getMe(TestTokens.person(person).roles("staff", "admin").schools(a, b).sign())
                .statusCode(200)
                .body("roles", containsInAnyOrder("staff", "admin"))
                .body("schoolIds", containsInAnyOrder(a.toString(), b.toString()))
                .body("isAdmin", is(true));
    }

    @Test
    void a_service_account_has_no_person_so_person_bound_actions_are_refused() {
        getMe(TestTokens.service("attendance-service"))
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "forbidden"))
                .body("detail", equalTo("This action needs a person's token."));
    }

    @Test
    void no_token_is_a_401_problem() {
        assert401(given().when().get("/api/pupils/me").then())
                .body("detail", equalTo("A valid bearer token is required."))
                .body("instance", equalTo("/api/pupils/me"));
    }

    @Test
    void an_expired_token_is_a_401_problem() {
        assert401(getMe(TestTokens.expired()))
                .body("detail", equalTo("The bearer token is invalid or expired."));
    }

    @Test
    void a_tampered_token_is_a_401_problem() {
        assert401(getMe(TestTokens.tampered()));
    }

    @Test
    void a_token_signed_by_another_key_is_a_401_problem() {
        assert401(getMe(TestTokens.foreignKey()));
    }

    @Test
    void a_token_from_another_issuer_is_a_401_problem() {
        assert401(getMe(TestTokens.wrongIssuer()));
    }

    @Test
    void a_token_for_another_audience_is_a_401_problem() {
        assert401(getMe(TestTokens.person(UUID.randomUUID()).roles("teacher").audience("other-api").sign()));
    }

    @Test
    void a_bad_token_is_refused_even_on_a_public_endpoint() {
        assert401(given().auth().oauth2(TestTokens.expired()).queryParam("name", "Léa")
                .when().get("/api/pupils/search").then());
    }

    @Test
    void a_wrong_role_is_a_403_problem() {
        given().auth().oauth2(TestTokens.pupil(UUID.randomUUID(), UUID.randomUUID()))
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/pupils/absences")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "forbidden"))
                .body("title", equalTo("Forbidden"))
                .body("status", equalTo(403))
                .body("detail", equalTo("Your roles do not allow this action."));
    }

    @Test
    void an_endpoint_without_an_access_rule_is_closed_even_to_a_valid_token() {
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID()))
                .when().get("/api/pupils/unannotated")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "forbidden"))
                .body("status", equalTo(403));
        assert401(given().when().get("/api/pupils/unannotated").then());
    }
}
