package fr.ent.e2e;

import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.Platform;
import fr.ent.e2e.support.Reasons;
import fr.ent.e2e.support.RollCalls;
import fr.ent.e2e.support.Tokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static fr.ent.e2e.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Who is turned away, through the gateway with real tokens: another family, a teacher of another
 * class, staff of the other school, a pupil, no token or a bad one. Not-yours answers 404 (as if it
 * did not exist), a role that never may answers 403, no valid token 401; and nothing the denied
 * calls tried changed anything. Fixture: a roll call of 4A with Léa absent, and Sophie's
 * justification of it waiting for the CPE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DenialsIT {

    private final UUID jeanMoulin = Demo.school("jeanMoulin");
    private final UUID class4A = Demo.classOf("0750001A", "4A");
    private final Person lea = Demo.person("lea");

    private RollCalls.Taken rollCall;
    private UUID reason;
    private String justification;

    @BeforeAll
    void aRollCallAndAJustificationWaitingForTheCpe() {
        rollCall = RollCalls.takeWithOneAbsent("claire", class4A, "lea", "cpe");
        reason = Reasons.justifyingFor("sophie", jeanMoulin, "cpe");
        justification = Gateway.as("sophie").body(Map.of("reasonId", reason))
                .post("/api/attendance/entries/{id}/justifications", rollCall.absenceId())
                .then().statusCode(201).extract().path("id");
    }

    @AfterAll
    void theCpeDecidesSoNothingStaysUnjustified() {
        if (justification != null) {
            // leaves no unjustified absence behind: runs would otherwise add up to the monthly alert
            Gateway.as("cpe").post("/api/attendance/justifications/{id}/accept", justification);
        }
    }

    Stream<Arguments> denials() {
        String record = "/api/attendance/pupils/" + lea.id() + "/record?month=" + rollCall.month();
        String register = "/api/attendance/registers/" + rollCall.registerId();
        String classDay = "/api/attendance/classes/" + class4A + "/day?date=" + rollCall.date();
        String justifications = "/api/attendance/schools/" + jeanMoulin + "/justifications?status=PENDING";
        String justify = "/api/attendance/entries/" + rollCall.absenceId() + "/justifications";
        String accept = "/api/attendance/justifications/" + justification + "/accept";
        Map<String, Object> aJustification = Map.of("reasonId", reason, "comment", "Elle était avec moi.");
        Map<String, Object> present = Map.of("status", "PRESENT");
        Map<String, Object> wholeClass = Map.of("marks", rollCall.register().getList("pupils").stream()
                .map(p -> Map.of("pupilId", ((Map<?, ?>) p).get("pupilId"), "status", "PRESENT")).toList());
        return Stream.of(
                // another family (Thomas Petit: Emma is in Léa's class)
                arguments("another family reads Léa's record", as("thomas"), "GET", record, null, 404, "not-found"),
                arguments("another family justifies Léa's absence", as("thomas"), "POST", justify, aJustification, 404, "not-found"),
                arguments("another family asks to upload an attachment for Léa's absence", as("thomas"), "POST",
                        "/api/attendance/entries/" + rollCall.absenceId() + "/justification-uploads",
                        Map.of("fileName", "certificat.pdf", "size", 1000, "contentType", "application/pdf", "sha256", "0".repeat(64)),
                        404, "not-found"),
                arguments("another family reads Léa's person", as("thomas"), "GET", "/api/identity/people/" + lea.id(), null, 404, "not-found"),
                // a teacher of other classes (Julien Noël: maths in 6e and 5e)
                arguments("a teacher of another class reads the 4A register", as("julien"), "GET", register, null, 404, "not-found"),
                arguments("a teacher of another class reads 4A's day", as("julien"), "GET", classDay, null, 404, "not-found"),
                arguments("a teacher of another class corrects Léa's mark", as("julien"), "PATCH", register + "/marks/" + lea.id(), present, 404, "not-found"),
                arguments("a teacher of another class redoes the roll call", as("julien"), "PUT", register + "/marks", wholeClass, 404, "not-found"),
                arguments("a teacher of another class reads Léa's record", as("julien"), "GET", record, null, 404, "not-found"),
                // staff of the other school (Isabelle Carpentier, Collège Victor Hugo)
                arguments("other school's staff list Jean Moulin's justifications", as("staff_vh"), "GET", justifications, null, 404, "not-found"),
                arguments("other school's staff accept a Jean Moulin justification", as("staff_vh"), "POST", accept, null, 404, "not-found"),
                arguments("other school's staff read the 4A register", as("staff_vh"), "GET", register, null, 404, "not-found"),
                arguments("other school's staff read 4A's day", as("staff_vh"), "GET", classDay, null, 404, "not-found"),
                arguments("other school's staff correct Léa's mark", as("staff_vh"), "PATCH", register + "/marks/" + lea.id(), present, 404, "not-found"),
                arguments("other school's staff read Léa's record", as("staff_vh"), "GET", record, null, 404, "not-found"),
                arguments("other school's staff read Léa's person", as("staff_vh"), "GET", "/api/identity/people/" + lea.id(), null, 404, "not-found"),
                // a pupil: the role never may decide
                arguments("a pupil accepts a justification", as("lea"), "POST", accept, null, 403, "forbidden"),
                arguments("a pupil reads the school's justifications", as("lea"), "GET", justifications, null, 403, "forbidden"),
                // no valid token: the gateway answers
                arguments("no token", (Supplier<RequestSpecification>) Gateway::anonymous, "GET", record, null, 401, "unauthorized"),
                arguments("no token, a write", (Supplier<RequestSpecification>) Gateway::anonymous, "POST", accept, null, 401, "unauthorized"),
                arguments("a garbage token", bearer(() -> "not-a-jwt"), "GET", record, null, 401, "unauthorized"),
                arguments("a token whose signature was tampered with", bearer(() -> tampered(Tokens.of("sophie"))), "GET", record, null, 401, "unauthorized"),
                arguments("a token of another realm", bearer(DenialsIT::masterRealmToken), "GET", record, null, 401, "unauthorized"),
                arguments("basic authentication", (Supplier<RequestSpecification>) () -> Gateway.withAuthorization("Basic c29waGllOnNlY3JldA=="), "GET", record, null, 401, "unauthorized"));
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("denials")
    void denied(String scenario, Supplier<RequestSpecification> caller, String method, String path, Object body,
                int status, String problem) {
        RequestSpecification request = caller.get();
        if (body != null) {
            request.body(body);
        }
        Response answer = request.request(method, path);
        assertProblem(scenario, answer, status, problem);
        if (status == 401) {
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Order(2)
    @Test
    void nothing_the_denied_calls_tried_changed_anything() {
        JsonPath register = Gateway.as("claire").get("/api/attendance/registers/{id}", rollCall.registerId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(register.getString("status")).isEqualTo("SUBMITTED");
        assertThat(register.getInt("counts.absent")).isEqualTo(1);
        assertThat(register.getString("pupils.find { it.pupilId == '" + lea.id() + "' }.status")).isEqualTo("ABSENT");
        assertThat(register.getString("pupils.find { it.pupilId == '" + lea.id() + "' }.entryId"))
                .isEqualTo(rollCall.absenceId().toString());
        assertThat(Gateway.as("claire").get("/api/attendance/registers/{id}/marks/{pupil}/history", rollCall.registerId(), lea.id())
                .then().statusCode(200).extract().jsonPath().getList("$")).as("Léa's mark was never corrected").isEmpty();

        // one query per status: without ?status the list answers 500 today (an untyped null SQL parameter)
        List<Map<String, Object>> forThisAbsence = Stream.of("PENDING", "ACCEPTED", "REFUSED")
                .flatMap(status -> Gateway.as("cpe").queryParam("status", status)
                        .get("/api/attendance/schools/{id}/justifications", jeanMoulin)
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream())
                .filter(j -> rollCall.absenceId().toString().equals(j.get("entryId"))).toList();
        assertThat(forThisAbsence).as("only Sophie's justification, still waiting").singleElement().satisfies(j -> {
            assertThat(j.get("id")).isEqualTo(justification);
            assertThat(j.get("status")).isEqualTo("PENDING");
            assertThat(j.get("submittedBy")).isEqualTo(Demo.person("sophie").id().toString());
        });

        String status = Gateway.as("sophie").queryParam("month", rollCall.month().toString())
                .get("/api/attendance/pupils/{id}/record", lea.id()).then().statusCode(200).extract().jsonPath()
                .getString("entries.find { it.id == '" + rollCall.absenceId() + "' }.status");
        assertThat(status).isEqualTo("UNJUSTIFIED");

        assertThat(Gateway.as("thomas").queryParam("childId", lea.id()).get("/api/notification/inbox")
                .then().statusCode(200).extract().<Integer>path("total")).as("Léa in Thomas's inbox").isZero();
    }

    private static Supplier<RequestSpecification> as(String personKey) {
        return () -> Gateway.as(personKey);
    }

    private static Supplier<RequestSpecification> bearer(Supplier<String> token) {
        return () -> Gateway.withAuthorization("Bearer " + token.get());
    }

    /** The same token with its signature changed (its header and claims intact). */
    private static String tampered(String jwt) {
        int dot = jwt.lastIndexOf('.');
        char[] signature = jwt.substring(dot + 1).toCharArray();
        signature[signature.length / 2] = signature[signature.length / 2] == 'A' ? 'B' : 'A';
        return jwt.substring(0, dot + 1) + new String(signature);
    }

    /** A real, valid token of Keycloak's master realm (its admin): right signature scheme, wrong issuer. */
    private static String masterRealmToken() {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(Platform.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
