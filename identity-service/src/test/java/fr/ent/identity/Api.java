package fr.ent.identity;

import fr.ent.testservers.TestTokens;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Builds directory data through the API as an administrator, for test scenarios. */
public final class Api {

    public static final String BASE = "/api/identity";
    private static final AtomicInteger UAI = new AtomicInteger((int) (System.nanoTime() % 9_000_000));

    private Api() {
    }

    /** The service's "today" (its clock, not the real date). */
    public static LocalDate today() {
        return Arc.container().instance(SchoolClock.class).get().today();
    }

    public static String admin() {
        return TestTokens.admin(UUID.randomUUID());
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A fresh, valid, unused UAI. */
    public static String uai() {
        return String.format("%07d", UAI.incrementAndGet() % 10_000_000) + "X";
    }

    public static UUID school(String name) {
        return id(as(admin()).body(Map.of("uai", uai(), "name", name, "type", "COLLEGE", "academy", "STRASBOURG"))
                .post(BASE + "/schools").then().statusCode(201).extract().path("id"));
    }

    public static UUID classGroup(UUID school, String kind, String code) {
        return id(as(admin()).body(Map.of("kind", kind, "code", code, "name", code, "level", "4EME"))
                .post(BASE + "/schools/" + school + "/classes").then().statusCode(201).extract().path("id"));
    }

    public static UUID subject(UUID school, String code) {
        return id(as(admin()).body(Map.of("code", code, "name", code))
                .post(BASE + "/schools/" + school + "/subjects").then().statusCode(201).extract().path("id"));
    }

    public static UUID person(String role, String first, String last, String email, UUID... schools) {
        Map<String, Object> body = new HashMap<>();
        body.put("role", role);
        body.put("firstName", first);
        body.put("lastName", last);
        if (email != null) body.put("email", email);
        body.put("schoolIds", List.of(schools));
        return id(as(admin()).body(body).post(BASE + "/people").then().statusCode(201).extract().path("id"));
    }

    public static UUID enrol(UUID pupil, UUID classId, List<UUID> groups, LocalDate startsOn) {
        return id(as(admin()).body(Map.of("pupilId", pupil, "classId", classId, "groupIds", groups, "startsOn", startsOn.toString()))
                .post(BASE + "/enrolments").then().statusCode(201).extract().path("id"));
    }

    public static UUID guardianship(UUID guardian, UUID pupil) {
        return id(as(admin()).body(Map.of("guardianId", guardian, "pupilId", pupil, "legalResponsibility", true,
                        "receivesCommunications", true))
                .post(BASE + "/guardianships").then().statusCode(201).extract().path("id"));
    }

    public static UUID assignment(UUID teacher, UUID classGroup, UUID subject) {
        return id(as(admin()).body(Map.of("teacherId", teacher, "classGroupId", classGroup, "subjectId", subject))
                .post(BASE + "/teaching-assignments").then().statusCode(201).extract().path("id"));
    }

    static UUID id(Object value) {
        return UUID.fromString(String.valueOf(value));
    }
}
