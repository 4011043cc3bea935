package fr.ent.identity;

import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.identity.Api.BASE;
import static fr.ent.identity.Api.admin;
import static fr.ent.identity.Api.as;
import static fr.ent.testservers.ContractAnswers.keep;

/**
 * Real answers (creates, a page, a list, a problem) kept for contract-tests, which decodes them with
 * the Java client generated from this service's OpenAPI document.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class ContractAnswersTest {

    @Test
    void a_school_its_classes_and_people_are_kept_for_the_generated_clients() {
        String token = admin();
        String school = keep("createSchool", as(token)
                .body(Map.of("uai", Api.uai(), "name", "Collège Contrat", "type", "COLLEGE", "academy", "STRASBOURG"))
                .post(BASE + "/schools")).then().statusCode(201).extract().path("id");
        keep("createClassGroup", as(token).body(Map.of("kind", "CLASS", "code", "4A", "name", "4e A", "level", "4EME"))
                .post(BASE + "/schools/" + school + "/classes")).then().statusCode(201);
        keep("createPerson", as(token).body(Map.of("role", "PUPIL", "firstName", "Léa", "lastName", "Martin",
                        "schoolIds", List.of(school)))
                .post(BASE + "/people")).then().statusCode(201);
        keep("getSchool", as(token).get(BASE + "/schools/" + school)).then().statusCode(200);
        keep("listSchool", as(token).get(BASE + "/schools?size=5")).then().statusCode(200);
        keep("listClassGroup", as(token).get(BASE + "/schools/" + school + "/classes")).then().statusCode(200);
        keep("listPerson", as(token).get(BASE + "/people?schoolId=" + school)).then().statusCode(200);
        keep("getPerson", as(token).get(BASE + "/people/" + UUID.randomUUID())).then().statusCode(404);
    }
}
