package fr.ent.e2e;

import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inspector stamps a visa through the gateway: Claire Martin writes a lesson of 4A in her cahier
 * de textes; Hélène Garnier, inspector (IA-IPR) of Jean Moulin, signed in with the realm role
 * {@code inspector}, reads 4A's cahier de textes and the entry, stamps a visa on Claire's cahier for
 * 4A, and the history (as Claire and the CPE read it) shows her name. She reads no work, no hand-in,
 * no pupil's list, and nothing of Victor Hugo.
 */
class HomeworkVisaIT {

    private final UUID class4A = Demo.classOf("0750001A", "4A");
    private final Person claire = Demo.person("claire");
    private final Person lea = Demo.person("lea");

    @Test
    void the_inspector_reads_4as_cahier_de_textes_and_stamps_a_visa_that_the_history_shows() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String title = "Séance E2E " + UUID.randomUUID().toString().substring(0, 8);
        String entry = Gateway.as("claire").body(Map.of("classGroupId", class4A.toString(), "subject", "MATHS",
                        "lessonOn", today.toString(), "title", title, "content", "Théorème de Thalès : démonstration."))
                .post("/api/homework/log-entries").then().statusCode(201).extract().path("id");

        JsonPath log = Gateway.as("inspector").get("/api/homework/classes/{c}/log", class4A).then().statusCode(200)
                .extract().jsonPath();
        assertThat(log.getList("id", String.class)).contains(entry);
        Gateway.as("inspector").get("/api/homework/log-entries/{e}", entry).then().statusCode(200);

        String comment = "Progression conforme au programme de 4e (" + UUID.randomUUID().toString().substring(0, 8) + ").";
        String visa = Gateway.as("inspector").body(Map.of("teacherId", claire.id().toString(), "stampedOn", today.toString(),
                        "comment", comment))
                .post("/api/homework/classes/{c}/visas", class4A).then().statusCode(201).extract().path("id");
        Person helene = Demo.person("inspector");
        for (String reader : new String[] {"inspector", "claire", "cpe"}) {
            JsonPath history = Gateway.as(reader).get("/api/homework/classes/{c}/visas", class4A).then().statusCode(200)
                    .extract().jsonPath();
            String find = "find { it.id == '" + visa + "' }";
            assertThat(history.getString(find + ".comment")).isEqualTo(comment);
            assertThat(history.getString(find + ".stampedBy")).isEqualTo(helene.id().toString());
            assertThat(history.getString(find + ".stampedByName")).isEqualTo("Hélène Garnier");
            assertThat(history.getString(find + ".stampedByRole")).isEqualTo("INSPECTOR");
        }

        // Nothing else of the school; nothing of another school.
        Map<String, Object> work = new HashMap<>(Map.of("classGroupId", class4A.toString(), "subject", "MATHS", "title", title,
                "instructions", "Exercices 1 à 3.", "kind", "EXERCISE", "dueOn", today.plusDays(7).toString(), "estimatedMinutes", 20));
        String workId = Gateway.as("claire").body(work).post("/api/homework/works").then().statusCode(201).extract().path("work.id");
        Gateway.as("inspector").get("/api/homework/works/{w}", workId).then().statusCode(403);
        Gateway.as("inspector").get("/api/homework/works/{w}/hand-ins", workId).then().statusCode(403);
        Gateway.as("inspector").get("/api/homework/pupils/{p}/todo", lea.id()).then().statusCode(403);
        Gateway.as("inspector").get("/api/homework/classes/{c}/log", Demo.classOf("0690002B", "6A")).then().statusCode(404);
        Gateway.as("inspector").get("/api/identity/me").then().statusCode(200);
    }
}
