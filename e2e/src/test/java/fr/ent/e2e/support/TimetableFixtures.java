package fr.ent.e2e.support;

import io.restassured.response.Response;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jean Moulin's timetable as the generated suites need it, made through the API by its CPE the first
 * time and found again afterwards: the calendar (zone C, slots M1..S3, this school year), a room, and
 * a weekly "E2E Fixture" lesson of 4A with Claire Martin on Wednesdays at S1 from tomorrow (the demo
 * timetable leaves Wednesday afternoons free). Fixtures: {@code ttRoom},
 * {@code ttLesson}, {@code ttDate} (its next occurrence after today), {@code ttHoliday} (a holiday
 * period made afresh each time it is asked for, for the operation that deletes one), {@code zone},
 * {@code ttImport} (an import of a CSV file with its header only: nothing is imported, and no lesson of
 * the demo data was imported, so none is ended).
 */
final class TimetableFixtures {

    private static final String SUBJECT = "E2E Fixture";
    private static final String ROOM = "E2E Salle 101";

    private TimetableFixtures() {
    }

    static void add(ApiFixtures f, UUID school, UUID class4A) {
        String year = f.value("schoolYear");
        int first = Integer.parseInt(year.substring(0, 4));
        if (Gateway.as("cpe").get("/api/timetable/schools/{id}/calendar", school).statusCode() == 404) {
            ok(Gateway.as("cpe").body(Map.of("zone", "C", "dayStartsAt", "08:00", "dayEndsAt", "18:00",
                    "afternoonStartsAt", "12:30")).put("/api/timetable/schools/{id}/calendar", school), "calendar");
            ok(Gateway.as("cpe").body(Map.of("startsOn", first + "-09-01", "endsOn", (first + 1) + "-07-03",
                    "weeksA", List.of(), "weeksB", List.of())).put("/api/timetable/schools/{id}/calendar/years/{year}", school, year),
                    "school year");
            ok(Gateway.as("cpe").body(Map.of("slots", List.of(
                    slot("M1", "08:00", "08:55"), slot("M2", "09:00", "09:55"), slot("M3", "10:05", "11:00"),
                    slot("M4", "11:05", "12:00"), slot("S1", "13:30", "14:25"), slot("S2", "14:30", "15:25"),
                    slot("S3", "15:35", "16:30")))).put("/api/timetable/schools/{id}/calendar/slots", school), "slots");
        }
        String room = Gateway.as("cpe").get("/api/timetable/schools/{id}/rooms", school).then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.name == '" + ROOM + "' }.id", String.class).stream().findFirst()
                .orElseGet(() -> ApiFixtures.made("fixture room", Gateway.as("cpe").body(Map.of("name", ROOM, "capacity", 30))
                        .post("/api/timetable/schools/{id}/rooms", school)));
        String lesson = Gateway.as("cpe").get("/api/timetable/schools/{id}/lessons", school).then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.subject == '" + SUBJECT + "' }.id", String.class).stream().findFirst()
                .orElseGet(() -> ApiFixtures.made("fixture lesson", Gateway.as("cpe").body(Map.of("subject", SUBJECT,
                                "teacherIds", List.of(f.value("claire")), "classIds", List.of(class4A.toString()),
                                "roomId", room, "slot", "S1", "recurrence", "WEEKLY", "dayOfWeek", "WEDNESDAY",
                                "startsOn", LocalDate.parse(f.value("today")).plusDays(1).toString()))
                        .post("/api/timetable/schools/{id}/lessons", school)));
        f.put("ttRoom", room);
        f.put("ttLesson", lesson);
        f.put("ttDate", nextOccurrence(lesson, LocalDate.parse(f.value("today"))));
        f.put("zone", "C");
        // body values the sample generator cannot guess: a local period on that day, a video-class URL
        f.put("ttAbsenceFrom", f.value("ttDate") + "T00:00:00");
        f.put("ttAbsenceTo", f.value("ttDate") + "T23:59:00");
        f.put("ttVisioUrl", "https://visio.example.org/b/e2e-fixture");
        f.putFresh("ttImport", () -> {
            Response started = Gateway.as("cpe").contentType("text/csv").body("slot;day;week;subject;teacher;classes;room\n")
                    .post("/api/timetable/schools/{id}/imports", school);
            if (started.statusCode() != 202) {
                throw new IllegalStateException("could not make the fixture import: " + started.statusCode() + " " + started.asString());
            }
            return started.jsonPath().getString("id");
        });
        f.putFresh("ttHoliday", () -> ApiFixtures.made("fixture holiday", Gateway.as("cpe")
                .body(Map.of("name", "E2E Fixture", "startsOn", (first + 1) + "-07-02", "endsOn", (first + 1) + "-07-02"))
                .post("/api/timetable/schools/{id}/calendar/years/{year}/holidays", school, year)));
    }

    /** The lesson's first occurrence after today (a Wednesday that is no holiday). */
    private static String nextOccurrence(String lesson, LocalDate today) {
        LocalDate day = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        for (int week = 0; week < 8; week++, day = day.plusWeeks(1)) {
            if (Gateway.as("cpe").get("/api/timetable/lessons/{id}/occurrences/{date}", lesson, day.toString()).statusCode() == 200) {
                return day.toString();
            }
        }
        throw new IllegalStateException("the fixture lesson " + lesson + " has no occurrence in the next 8 weeks");
    }

    private static Map<String, String> slot(String code, String startsAt, String endsAt) {
        return Map.of("code", code, "startsAt", startsAt, "endsAt", endsAt);
    }

    private static void ok(Response answer, String what) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("could not set the fixture " + what + ": " + answer.statusCode() + " " + answer.asString());
        }
    }
}
