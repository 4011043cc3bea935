package fr.ent.e2e.support;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reasons of absence a family can choose in a school. */
public final class Reasons {

    private Reasons() {
    }

    /**
     * A justifying, non-confidential reason of the school as the guardian lists them. The demo data
     * creates the school's reasons (deploy/local/demo-data); on a platform loaded before that, the
     * CPE creates the one missing, as vie scolaire does through the API.
     */
    public static UUID justifyingFor(String guardianKey, UUID school, String staffKey) {
        UUID found = find(guardianKey, school);
        if (found == null) {
            int status = Gateway.as(staffKey)
                    .body(Map.of("code", "MALADIE", "label", "Maladie", "justifying", true, "confidential", false))
                    .post("/api/attendance/schools/{id}/reasons", school).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("the CPE could not create the reason MALADIE: " + status);
            }
            found = find(guardianKey, school);
        }
        if (found == null) {
            throw new IllegalStateException("no justifying reason that a family may choose in school " + school);
        }
        return found;
    }

    private static UUID find(String guardianKey, UUID school) {
        JsonPath reasons = Gateway.as(guardianKey).get("/api/attendance/schools/{id}/reasons", school)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = reasons.getList("$");
        return list.stream()
                .filter(r -> Boolean.TRUE.equals(r.get("justifying")) && !Boolean.TRUE.equals(r.get("confidential")))
                .map(r -> UUID.fromString((String) r.get("id")))
                .findFirst().orElse(null);
    }
}
