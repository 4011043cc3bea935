package fr.ent.web;

import fr.ent.testservers.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Every kind of bad request answers an RFC 9457 problem detail, never HTML, never an empty body. */
@QuarkusTest
class ProblemDetailsTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL url;

    static final String PROBLEM = "application/problem+json";
    static final String TYPES = "https://ent.example/problems/";

    static String teacher() {
        return TestTokens.teacher(UUID.randomUUID(), UUID.randomUUID());
    }

    static String validReport() {
        return """
                {"pupilId": "%s", "absences": [{"date": "2026-11-23", "minutes": 55, "kind": "ABSENT"}]}
                """.formatted(UUID.randomUUID());
    }

    @Test
    void a_valid_report_is_accepted_so_the_errors_below_are_about_what_they_say() {
        given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(validReport())
                .when().post("/api/pupils/absences")
                .then().statusCode(200)
                .body("absences[0].minutes", equalTo(55));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"absences\": [{\"minutes\": 5, ", "not json at all", "{\"pupilId\" \"x\"}", "{\"absences\": [],}"})
    void malformed_json_is_a_400_malformed_json_problem(String body) {
        given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/pupils/absences")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("status", equalTo(400))
                .body("detail", containsString("not valid JSON"))
                .body("instance", equalTo("/api/pupils/absences"));
    }

    @Test
    void a_number_sent_as_text_names_the_field() {
        String body = """
                {"pupilId": "%s", "absences": [{"date": "2026-11-23", "minutes": "lots", "kind": "LATE"}]}
                """.formatted(UUID.randomUUID());
        given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/pupils/absences")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("absences[0].minutes"))
                .body("errors[0].message", equalTo("must be a valid integer"))
                .body("detail", containsString("absences[0].minutes"));
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
        String body = """
                {"pupilId": "%s", "absences": [{"date": "2026-11-23", "minutes": 5, "kind": "LATE"},
                                               {"date": "2026-11-23", "minutes": 5, "kind": "SICK"}]}
                """.formatted(UUID.randomUUID());
        given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/pupils/absences")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors[0].field", equalTo("absences[1].kind"))
                .body("errors[0].message", equalTo("must be one of [LATE, ABSENT]"));
    }

    @Test
    void a_validation_error_names_each_field_by_its_path_in_the_body() {
        String body = """
                {"absences": [{"date": "2026-11-23", "minutes": 5},
                              {"date": "2026-11-23", "minutes": 5},
                              {"date": "2026-11-23", "minutes": 9999}]}
                """;
        given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/pupils/absences")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("2 invalid fields: absences[2].minutes, pupilId"))
                .body("errors.field", hasItems("absences[2].minutes", "pupilId"))
                .body("errors.find { it.field == 'absences[2].minutes' }.message", equalTo("must be less than or equal to 600"))
                .body("errors.find { it.field == 'pupilId' }.message", equalTo("must not be null"));
    }

    @Test
    void a_query_parameter_violation_names_the_parameter() {
        given().queryParam("name", "a")
                .when().get("/api/pupils/search")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must have at least 2 letters"));
    }

    @Test
    void a_wrong_content_type_is_a_415_problem() {
        given().auth().oauth2(teacher()).contentType(ContentType.TEXT).body("pupil=1")
                .when().post("/api/pupils/absences")
                .then().statusCode(415)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "unsupported-media-type"))
                .body("title", equalTo("Unsupported media type"))
                .body("status", equalTo(415))
                .body("detail", containsString("text/plain"));
    }

    @Test
    void an_unacceptable_accept_header_is_a_406_problem() {
        given().auth().oauth2(teacher()).accept("application/xml")
                .when().get("/api/pupils/me")
                .then().statusCode(406)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "not-acceptable"))
                .body("status", equalTo(406))
                .body("detail", containsString("application/xml"));
    }

    @Test
    void a_body_over_the_size_limit_is_a_413_problem() {
        String big = "{\"pupilId\": \"" + "x".repeat(8 * 1024) + "\"}";
        given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(big)
                .when().post("/api/pupils/absences")
                .then().statusCode(413)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "payload-too-large"))
                .body("title", equalTo("Request body too large"))
                .body("status", equalTo(413))
                .body("detail", containsString("4096 bytes"));
    }

    @Test
    void a_streamed_body_over_the_size_limit_is_refused() throws Exception {
        byte[] big = ("{\"pupilId\": \"" + "x".repeat(64 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "api/pupils/absences"))
                .header("Authorization", "Bearer " + teacher())
                .header("Content-Type", "application/json")
                // No length known: sent chunked, so only the bytes read can tell it is too large.
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(response.body())
                .contains("\"type\":\"" + TYPES + "payload-too-large\"")
                .contains("\"status\":413")
                .contains("exceeds the limit of 4096 bytes");
    }

    @Test
    void a_streamed_body_within_the_limit_is_read_normally() throws Exception {
        byte[] body = validReport().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "api/pupils/absences"))
                .header("Authorization", "Bearer " + teacher())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"minutes\":55");
    }

    @Test
    void an_unknown_path_outside_any_resource_is_a_404_problem() {
        given().accept("text/html")
                .when().get("/nope")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "not-found"))
                .body("title", equalTo("Resource not found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("Nothing here: /nope."))
                .body("instance", equalTo("/nope"));
    }

    @Test
    void an_unknown_path_under_the_api_is_a_404_problem() {
        given().when().get("/api/nope/deeper")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/nope/deeper"));
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        given().auth().oauth2(teacher())
                .when().delete("/api/pupils/absences")
                .then().statusCode(405)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "method-not-allowed"))
                .body("title", equalTo("Method not allowed"))
                .body("status", equalTo(405))
                .body("detail", equalTo("Method DELETE is not allowed on /api/pupils/absences."));
    }

    @Test
    void a_problem_thrown_by_a_service_keeps_its_type_and_detail() {
        UUID id = UUID.randomUUID();
        given().when().get("/api/pupils/" + id)
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "not-found"))
                .body("detail", equalTo("No pupil " + id + "."))
                .body("errors", nullValue());
        given().auth().oauth2(TestTokens.staff(UUID.randomUUID(), UUID.randomUUID()))
                .when().post("/api/pupils/" + id + "/archive")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "pupil-already-archived"))
                .body("title", equalTo("Conflict"))
                .body("status", equalTo(409));
    }

    @Test
    void an_unexpected_error_is_a_500_problem_that_leaks_nothing() {
        given().when().get("/api/pupils/boom")
                .then().statusCode(500)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "internal-error"))
                .body("title", equalTo("Internal server error"))
                .body("status", equalTo(500))
                .body("detail", containsString("Reference: "))
                .body(allOf(not(containsString("hunter2")), not(containsString("IllegalStateException")),
                        not(containsString("at fr.ent"))))
                .body("stack", nullValue());
    }

    @Test
    void a_client_that_hangs_up_mid_body_is_not_logged_as_an_unexpected_error() throws Exception {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        // Quarkus logs through JBoss LogManager's own context, not the JDK's java.util.logging tree.
        // The root logger: Quarkus's own error handler must stay quiet too.
        java.util.logging.Logger logger = org.jboss.logmanager.LogContext.getLogContext().getLogger("");
        logger.addHandler(capture);
        try {
            // Control: a real bug is captured by this handler.
            given().when().get("/api/pupils/boom").then().statusCode(500);
            await().atMost(Duration.ofSeconds(5)).until(() -> mentions(errors, "/api/pupils/boom"));

            // Leaving at different moments reaches different layers (Vert.x route, resource's body read).
            for (int waitMs : new int[] {0, 20, 100, 300}) {
                try (Socket socket = new Socket(url.getHost(), url.getPort())) {
                    String head = "POST /api/pupils/absences HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + teacher() + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"pupilId\": \"";
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(waitMs);
                }
            }
            Thread.sleep(1500);
            assertThat(errors).as("error records about the abandoned request")
                    .noneMatch(r -> mentions(List.of(r), "/api/pupils/absences"));
            // and the service goes on
            given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(validReport())
                    .when().post("/api/pupils/absences").then().statusCode(200);
        } finally {
            logger.removeHandler(capture);
        }
    }

    private static boolean mentions(List<LogRecord> records, String path) {
        // JBoss Logging hands over the message already formatted
        return records.stream().anyMatch(r -> r.getMessage() != null && r.getMessage().contains(" " + path));
    }

    // --- Input rules (fr.ent.web.input): text PostgreSQL cannot store, dates out of range, pages, bodies

    static io.restassured.response.ValidatableResponse invalidField(io.restassured.response.Response response,
                                                                    String field, String message) {
        return response.then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo(TYPES + "validation-failed"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message))
                .body("detail", containsString(field));
    }

    static io.restassured.response.Response postNote(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/inputs/notes");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"text\": \"a\\u0000b\"}                          | text      | NUL character",
            "{\"text\": \"a\\ud800b\"}                          | text      | unpaired UTF-16 surrogate",
            "{\"text\": \"\\udc00\"}                            | text      | unpaired UTF-16 surrogate",
            "{\"tags\": [\"ok\", \"\\u0000\"]}                  | tags[1]   | NUL character",
            "{\"labels\": {\"colour\": \"red\\u0000\"}}         | labels.colour | NUL character",
    })
    void text_that_postgresql_cannot_store_is_a_400_naming_the_field(String json, String field, String message) {
        invalidField(postNote(json), field, message);
    }

    @Test
    void a_nul_in_a_map_key_is_a_400_too() {
        postNote("{\"labels\": {\"a\\u0000\": \"red\"}}").then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("labels"))
                .body("errors[0].message", containsString("NUL character"));
    }

    @Test
    void paired_surrogates_and_accents_are_ordinary_text() {
        postNote("{\"text\": \"\\ud83d\\ude00 élève\", \"tags\": [\"Noël\"]}").then().statusCode(200)
                .body("text", equalTo("\ud83d\ude00 élève"))
                .body("tags[0]", equalTo("Noël"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "day      | +999999999-12-31",
            "day      | -999999999-01-01",
            "day      | 1899-12-31",
            "day      | 2200-01-01",
            "startsAt | +999999999-12-31T23:59:59",
            "at       | -999999999-01-01T00:00:00Z",
            "month    | 1899-12",
    })
    void a_date_outside_the_supported_years_in_a_body_is_a_400_naming_the_field(String field, String value) {
        invalidField(postNote("{\"" + field + "\": \"" + value + "\"}"), field, "must be between 1900-01-01 and 2199-12-31");
    }

    @Test
    void the_first_and_last_supported_days_are_accepted() {
        postNote("{\"day\": \"1900-01-01\", \"startsAt\": \"2199-12-31T23:59:59\", \"month\": \"2199-12\"}")
                .then().statusCode(200)
                .body("day", equalTo("1900-01-01"))
                .body("month", equalTo("2199-12"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "q=a%00b                      | q     | NUL character",
            "on=%2B999999999-12-31        | on    | must be between 1900-01-01 and 2199-12-31",
            "on=-999999999-01-01          | on    | must be between 1900-01-01 and 2199-12-31",
            "on=next-tuesday              | on    | must be an ISO-8601 date",
            "month=%2B999999999-12        | month | must be between 1900-01-01 and 2199-12-31",
            "month=13-2026                | month | must be an ISO-8601 month",
            "at=%2B999999999-12-31T00:00Z | at    | must be between 1900-01-01 and 2199-12-31",
            "dryRun=maybe                 | dryRun | must be true or false",
            "unread=1                     | unread | must be true or false",
    })
    void a_bad_query_parameter_is_a_400_naming_it(String query, String field, String message) {
        invalidField(given().urlEncodingEnabled(false).when().get("/api/inputs/search?" + query), field, message);
    }

    @Test
    void good_query_parameters_are_read_and_empty_ones_are_absent() {
        given().urlEncodingEnabled(false)
                .when().get("/api/inputs/search?q=Zo%C3%A9&on=2026-09-01&month=2026-09&at=2026-09-01T08:00:00%2B02:00")
                .then().statusCode(200)
                .body("q", equalTo("Zoé"))
                .body("on", equalTo("2026-09-01"))
                .body("month", equalTo("2026-09"))
                .body("at", equalTo("2026-09-01T08:00+02:00"));
        given().when().get("/api/inputs/search?on=&month=")
                .then().statusCode(200)
                .body("on", nullValue())
                .body("month", nullValue());
    }

    @Test
    void booleans_are_true_or_false_and_an_empty_one_is_absent() {
        given().when().get("/api/inputs/search?dryRun=true&unread=false")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("unread", equalTo(false));
        given().when().get("/api/inputs/search?dryRun=&unread=")
                .then().statusCode(200).body("dryRun", equalTo(false)).body("unread", nullValue());
    }

    @Test
    void percent_encoded_bytes_that_are_not_utf8_are_a_400_not_a_replacement_character() {
        for (String bad : new String[]{"q=%ED%A0%80", "q=%FF", "q=caf%E9"}) {
            given().urlEncodingEnabled(false).when().get("/api/inputs/search?" + bad)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().urlEncodingEnabled(false).when().get("/api/inputs/codes/%ED%A0%80").then().statusCode(400);
        given().urlEncodingEnabled(false).when().get("/api/inputs/search?q=%F0%9F%93%9A")
                .then().statusCode(200).body("q", equalTo("📚"));
    }

    @Test
    void a_nul_in_a_path_parameter_is_a_400_naming_it() {
        invalidField(given().urlEncodingEnabled(false).when().get("/api/inputs/codes/6A%00"), "code", "NUL character");
        given().when().get("/api/inputs/codes/6A").then().statusCode(200).body("code", equalTo("6A"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483647", "10001", "-1"})
    void a_page_beyond_the_bound_is_a_400_naming_it(String page) {
        invalidField(given().queryParam("page", page).when().get("/api/inputs/pages"), "page", "must be between 0 and 10000");
    }

    @Test
    void pages_within_the_bound_are_served() {
        given().queryParam("page", 10000).when().get("/api/inputs/pages").then().statusCode(200).body("page", equalTo(10000));
        given().when().get("/api/inputs/pages").then().statusCode(200).body("page", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "  null  "})
    void a_missing_or_null_body_is_a_400_wherever_the_body_is_declared(String body) {
        for (String path : List.of("/api/inputs/plain", "/api/inputs/notes")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post(path)
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo(TYPES + "missing-body"))
                    .body("status", equalTo(400))
                    .body("detail", equalTo("A request body is required (it was empty or null)."));
        }
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/inputs/settings")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(TYPES + "missing-body"));
        given().auth().oauth2(teacher()).contentType(ContentType.JSON).body(body)
                .when().post("/api/pupils/absences")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo(TYPES + "missing-body"));
    }

    @Test
    void a_body_declared_nullable_may_be_left_out() {
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/inputs/optional")
                .then().statusCode(200).body("present", equalTo(false));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"minutes\": 5, \"shared\": true}                   | weekend | is required (a boolean)",
            "{\"weekend\": null, \"minutes\": 5, \"shared\": true} | weekend | is required (a boolean)",
            "{\"weekend\": true, \"shared\": true}                | minutes | is required (an integer)",
            "{\"weekend\": true, \"minutes\": 5}                  | shared  | must not be null",
    })
    void a_missing_or_null_required_field_is_a_400_not_a_silent_default(String json, String field, String message) {
        invalidField(given().contentType(ContentType.JSON).body(json).when().put("/api/inputs/settings"), field, message);
    }

    @Test
    void explicit_false_and_zero_are_accepted() {
        given().contentType(ContentType.JSON).body("{\"weekend\": false, \"minutes\": 0, \"shared\": false}")
                .when().put("/api/inputs/settings")
                .then().statusCode(200)
                .body("weekend", equalTo(false))
                .body("minutes", equalTo(0));
    }

    @Test
    void the_type_is_stable_and_every_field_is_present() {
        given().when().get("/nope")
                .then().body("type", notNullValue()).body("title", notNullValue())
                .body("status", notNullValue()).body("detail", notNullValue()).body("instance", notNullValue());
    }
}
