package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.timetable.World.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** A school's calendar and rooms: set up by its staff, read by its people, a zone's holidays loaded once by the admin. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class CalendarTest {

    @Inject
    DirectoryProjection projection;

    World w;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2).withCalendar();
    }

    String calendar() {
        return "/api/timetable/schools/" + w.school + "/calendar";
    }

    @Test
    void the_people_of_the_school_read_its_year_slots_and_computed_public_holidays() {
        for (String token : List.of(w.pupilToken(0), w.guardianToken(0), w.teacherAToken(), w.cpeToken())) {
            as(token).get(calendar()).then().statusCode(200)
                    .body("zone", equalTo("A"))
                    .body("slots.code", contains("M1", "M2", "M3", "M4", "S1", "S2", "S3"))
                    .body("years[0].year", equalTo(World.year()))
                    .body("years[0].publicHolidays.name", hasItem("Armistice 1918"))
                    .body("years[0].publicHolidays.name", hasItem("Lundi de Pentecôte"))
                    .body("years[0].publicHolidays", hasSize(11));
        }
        as(w.otherCpeToken()).get(calendar()).then().statusCode(404);
        as(TestTokens.parent(UUID.randomUUID(), w.school)).get(calendar()).then().statusCode(404);
    }

    @Test
    void a_schools_zone_is_set_once() {
        as(w.cpeToken()).body(Map.of("zone", "B", "dayStartsAt", "08:00", "dayEndsAt", "18:00", "afternoonStartsAt", "12:00"))
                .put(calendar()).then().statusCode(409).body("type", equalTo("https://ent.example/problems/zone-already-set"));
        as(w.cpeToken()).body(Map.of("zone", "A", "dayStartsAt", "07:45", "dayEndsAt", "18:00", "afternoonStartsAt", "12:00"))
                .put(calendar()).then().statusCode(200).body("dayStartsAt", equalTo("07:45:00"));
    }

    @Test
    void a_slot_outside_the_school_day_is_refused_and_nothing_changes() {
        as(w.cpeToken()).body(Map.of("slots", List.of(World.slot("M1", "08:00", "08:55"), World.slot("S9", "17:30", "18:30"))))
                .put(calendar() + "/slots").then().statusCode(400)
                .body("errors[0].field", equalTo("slots[1].startsAt"));
        as(w.cpeToken()).body(Map.of("slots", List.of(World.slot("M1", "09:00", "08:55"))))
                .put(calendar() + "/slots").then().statusCode(400).body("errors[0].field", equalTo("slots[0].endsAt"));
        as(w.cpeToken()).get(calendar()).then().body("slots", hasSize(7));
    }

    @Test
    void the_admin_loads_a_zones_holidays_once_for_every_school_of_that_zone() {
        SchoolWorld world = new SchoolWorld();
        SchoolWorld.School schoolC = world.school("Lycée de zone C");
        String tokenC = schoolC.staff("Zoé", "Cpe").token();
        World.apply(projection, world);
        UUID zoneC = schoolC.id();
        as(tokenC).body(Map.of("zone", "C", "dayStartsAt", "08:00", "dayEndsAt", "18:00", "afternoonStartsAt", "12:00"))
                .put("/api/timetable/schools/" + zoneC + "/calendar").then().statusCode(200);
        as(tokenC).body(Map.of("startsOn", World.firstYear() + "-09-01", "endsOn", (World.firstYear() + 1) + "-07-03"))
                .put("/api/timetable/schools/" + zoneC + "/calendar/years/" + World.year()).then().statusCode(200);

        int first = World.firstYear();
        Map<String, Object> periods = Map.of("holidays", List.of(
                Map.of("name", "Vacances de la Toussaint", "startsOn", first + "-10-17", "endsOn", first + "-11-01"),
                Map.of("name", "Vacances de Noël", "startsOn", first + "-12-19", "endsOn", (first + 1) + "-01-03")));
        as(w.cpeToken()).body(periods).put("/api/timetable/zones/C/years/" + World.year() + "/holidays").then().statusCode(403);
        as(TestTokens.platformAdmin()).body(periods).put("/api/timetable/zones/C/years/" + World.year() + "/holidays")
                .then().statusCode(200).body("name", contains("Vacances de la Toussaint", "Vacances de Noël"));
        // loading again replaces, never doubles
        as(TestTokens.platformAdmin()).body(periods).put("/api/timetable/zones/C/years/" + World.year() + "/holidays")
                .then().statusCode(200).body("", hasSize(2));

        as(tokenC).get("/api/timetable/schools/" + zoneC + "/calendar").then().statusCode(200)
                .body("years[0].holidays.name", contains("Vacances de la Toussaint", "Vacances de Noël"))
                .body("years[0].holidays.zone", contains("C", "C"));
        as(w.cpeToken()).get(calendar()).then().statusCode(200)
                .body("years[0].holidays.name", not(hasItem("Vacances de la Toussaint")));
    }

    @Test
    void staff_add_a_holiday_of_their_own_school_inside_its_year() {
        int first = World.firstYear();
        String id = as(w.cpeToken()).body(Map.of("name", "Pont de l'Ascension", "startsOn", (first + 1) + "-05-07",
                        "endsOn", (first + 1) + "-05-08"))
                .post(calendar() + "/years/" + World.year() + "/holidays").then().statusCode(201).extract().path("id");
        as(w.teacherAToken()).get(calendar()).then().body("years[0].holidays.name", hasItem("Pont de l'Ascension"));
        as(w.cpeToken()).body(Map.of("name", "Trop tard", "startsOn", (first + 2) + "-05-07", "endsOn", (first + 2) + "-05-08"))
                .post(calendar() + "/years/" + World.year() + "/holidays").then().statusCode(400)
                .body("errors[0].field", equalTo("startsOn"));
        as(w.cpeToken()).body(Map.of("name", "X", "startsOn", first + "-11-02", "endsOn", first + "-11-03"))
                .post(calendar() + "/years/2026-2028/holidays").then().statusCode(400).body("errors[0].field", equalTo("year"));
        as(w.otherCpeToken()).delete(calendar() + "/holidays/" + id).then().statusCode(404);
        as(w.cpeToken()).delete(calendar() + "/holidays/" + id).then().statusCode(204);
        as(w.cpeToken()).get(calendar()).then().body("years[0].holidays", hasSize(0));
    }

    @Test
    void rooms_are_the_schools_with_a_capacity_and_a_unique_name() {
        as(w.cpeToken()).body(Map.of("name", "B12", "capacity", 28))
                .post("/api/timetable/schools/" + w.school + "/rooms").then().statusCode(409);
        as(w.cpeToken()).body(Map.of("name", "Gymnase", "capacity", 0))
                .post("/api/timetable/schools/" + w.school + "/rooms").then().statusCode(400)
                .body("errors[0].field", equalTo("capacity"));
        as(w.teacherAToken()).get("/api/timetable/schools/" + w.school + "/rooms").then().statusCode(200)
                .body("name", contains("B12", "Labo"));
        as(w.pupilToken(0)).get("/api/timetable/schools/" + w.school + "/rooms").then().statusCode(403);
        as(w.otherCpeToken()).get("/api/timetable/schools/" + w.school + "/rooms").then().statusCode(404);
        as(w.cpeToken()).body(Map.of("name", "B12 (rénovée)", "capacity", 32))
                .put("/api/timetable/schools/" + w.school + "/rooms/" + w.room("B12")).then().statusCode(200)
                .body("capacity", equalTo(32));
    }
}
