package fr.ent.identity;

import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static fr.ent.identity.Api.BASE;
import static fr.ent.identity.Api.admin;
import static fr.ent.identity.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Input the database cannot take (NUL, unpaired surrogates, dates at Java's extremes, huge pages,
 * no body) is a 400 problem naming the field, and changes nothing; it used to be a 500.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class BadInputTest {

    static final String PROBLEM = "application/problem+json";

    static void namesTheField(Response response, String field, String message) {
        response.then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://ent.example/problems/validation-failed"))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
    }

    @Test
    void a_nul_in_a_search_or_a_filter_is_a_400_naming_the_parameter() {
        UUID school = Api.school("Collège des Filtres");
        namesTheField(as(admin()).urlEncodingEnabled(false).get(BASE + "/people?schoolId=" + school + "&q=Mar%00tin"),
                "q", "NUL character");
        namesTheField(as(admin()).urlEncodingEnabled(false).get(BASE + "/schools/" + school + "/classes?schoolYear=2026%00"),
                "schoolYear", "NUL character");
        namesTheField(as(admin()).urlEncodingEnabled(false).get(BASE + "/people?schoolId=" + school + "&role=%00"),
                "role", "NUL character");
    }

    @Test
    void a_class_or_a_person_named_with_a_nul_or_a_lone_surrogate_is_refused_and_nothing_is_written() {
        UUID school = Api.school("Collège des Noms");
        namesTheField(as(admin()).body("{\"kind\": \"CLASS\", \"code\": \"6A\", \"name\": \"6\\u0000A\", \"level\": \"6EME\"}")
                .post(BASE + "/schools/" + school + "/classes"), "name", "NUL character");
        as(admin()).get(BASE + "/schools/" + school + "/classes").then().statusCode(200).body("", empty());

        namesTheField(as(admin()).body("{\"role\": \"PUPIL\", \"firstName\": \"Zo\\ud800\", \"lastName\": \"Martin\", "
                        + "\"schoolIds\": [\"" + school + "\"]}")
                .post(BASE + "/people"), "firstName", "unpaired UTF-16 surrogate");
        as(admin()).get(BASE + "/people?schoolId=" + school).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void dates_at_javas_extremes_are_a_400_naming_the_field() {
        UUID school = Api.school("Collège des Dates");
        UUID classId = Api.classGroup(school, "CLASS", "5B");
        UUID pupil = Api.person("PUPIL", "Léa", "Petit", null, school);

        namesTheField(as(admin()).urlEncodingEnabled(false).get(BASE + "/classes/" + classId + "/pupils?on=%2B999999999-12-31"),
                "on", "must be between 1900-01-01 and 2199-12-31");
        namesTheField(as(admin()).get(BASE + "/classes/" + classId + "/pupils?on=-999999999-01-01"),
                "on", "must be between 1900-01-01 and 2199-12-31");

        for (String startsOn : List.of("+999999999-12-31", "-999999999-01-01")) {
            namesTheField(as(admin()).body("{\"pupilId\": \"" + pupil + "\", \"classId\": \"" + classId
                    + "\", \"groupIds\": [], \"startsOn\": \"" + startsOn + "\"}").post(BASE + "/enrolments"),
                    "startsOn", "must be between 1900-01-01 and 2199-12-31");
        }
        as(admin()).get(BASE + "/people/" + pupil + "/enrolments").then().statusCode(200).body("", empty());

        namesTheField(as(admin()).body("{\"label\": \"2026-2027\", \"startsOn\": \"2026-09-01\", \"endsOn\": \"+999999999-12-31\"}")
                .post(BASE + "/schools/" + school + "/years"), "endsOn", "must be between 1900-01-01 and 2199-12-31");
    }

    @Test
    void a_page_number_that_overflows_the_offset_is_a_400_naming_page() {
        UUID school = Api.school("Collège des Pages");
        namesTheField(as(admin()).get(BASE + "/people?schoolId=" + school + "&page=2147483647"), "page", "between 0 and 10000");
        namesTheField(as(admin()).get(BASE + "/schools?page=2147483647&size=200"), "page", "between 0 and 10000");
        as(admin()).get(BASE + "/schools?page=10000&size=200").then().statusCode(200).body("items", empty());
        namesTheField(as(admin()).get(BASE + "/schools?size=-1"), "size", "between 1 and 200");
        namesTheField(as(admin()).get(BASE + "/people?size=0"), "size", "between 1 and 200");
        namesTheField(as(admin()).get(BASE + "/people?size=201"), "size", "between 1 and 200");
    }

    @Test
    void a_school_year_without_a_body_is_a_400_and_no_year_is_added() {
        UUID school = Api.school("Collège des Années");
        for (String body : List.of("", "null")) {
            as(admin()).body(body).post(BASE + "/schools/" + school + "/years")
                    .then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("type", equalTo("https://ent.example/problems/missing-body"));
        }
        as(admin()).get(BASE + "/schools/" + school + "/years").then().statusCode(200).body("", empty());
        // a proper one still goes through
        as(admin()).body("{\"label\": \"2026-2027\", \"startsOn\": \"" + LocalDate.of(2026, 9, 1)
                        + "\", \"endsOn\": \"" + LocalDate.of(2027, 7, 4) + "\"}")
                .post(BASE + "/schools/" + school + "/years").then().statusCode(201);
        as(admin()).get(BASE + "/schools/" + school + "/years").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void what_identifies_a_class_cannot_be_changed_and_is_never_silently_ignored() {
        UUID school = Api.school("Collège des Codes");
        UUID classId = Api.classGroup(school, "CLASS", "4C");
        namesTheField(as(admin()).body("{\"code\": \"" + "X".repeat(100_000) + "\", \"name\": \"4e C\"}")
                .put(BASE + "/classes/" + classId), "code", "cannot be changed");
        namesTheField(as(admin()).body("{\"kind\": \"GROUP\", \"name\": \"4e C\"}")
                .put(BASE + "/classes/" + classId), "kind", "cannot be changed");
        as(admin()).get(BASE + "/classes/" + classId).then().statusCode(200).body("code", equalTo("4C")).body("name", equalTo("4C"));
        // sent again unchanged, with a new name: fine
        as(admin()).body("{\"kind\": \"CLASS\", \"code\": \"4C\", \"name\": \"4e C\"}")
                .put(BASE + "/classes/" + classId).then().statusCode(200).body("name", equalTo("4e C"));
    }
}
