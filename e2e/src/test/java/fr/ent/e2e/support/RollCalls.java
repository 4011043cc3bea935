package fr.ent.e2e.support;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes a roll call through the gateway on a lesson no earlier run used: the platform keeps its
 * data between runs, a register is identified by (class, date, start time), and an absence marked
 * over one the pupil already has joins it (no new absence, no notification). So each run looks for
 * a 10-minute slot between 07:00 and 19:00 that has no register of the class and no absence of the
 * pupil, today first (the API refuses future lessons), then the days before.
 */
public final class RollCalls {

    /** What the roll call made: the register, the lesson and the absent pupil's new absence. */
    public record Taken(UUID registerId, UUID classId, LocalDate date, LocalTime startsAt, LocalTime endsAt,
                        UUID absentPupil, UUID absenceId, int pupils, JsonPath register) {

        public YearMonth month() {
            return YearMonth.from(date);
        }
    }

    private static final int SLOT_MINUTES = 10;
    private static final LocalTime FIRST = LocalTime.of(7, 0);
    private static final LocalTime LAST = LocalTime.of(19, 0);

    private RollCalls() {
    }

    /**
     * As {@code teacherKey}, the roll call of the class: everyone present except {@code absentKey}.
     * {@code staffKey} reads the pupil's record to avoid the absences they already have.
     */
    public static synchronized Taken takeWithOneAbsent(String teacherKey, UUID classId, String absentKey, String staffKey) {
        UUID absent = Demo.person(absentKey).id();
        LocalDate today = LocalDate.now(Platform.SCHOOL_ZONE);
        for (int back = 0; back < 60; back++) {
            LocalDate day = today.minusDays(back);
            List<UUID> roster = roster(teacherKey, classId, day);
            if (!roster.contains(absent)) {
                continue;
            }
            LocalTime free = freeSlot(teacherKey, classId, day, absent, staffKey);
            if (free != null) {
                return take(teacherKey, classId, day, free, roster, absent);
            }
        }
        throw new IllegalStateException("no free lesson slot for " + absentKey + " in the last 60 days");
    }

    private static List<UUID> roster(String teacherKey, UUID classId, LocalDate day) {
        return Gateway.as(teacherKey).queryParam("on", day.toString())
                .get("/api/identity/classes/{id}/pupils", classId)
                .then().statusCode(200).extract().jsonPath().getList("id", String.class)
                .stream().map(UUID::fromString).toList();
    }

    private static LocalTime freeSlot(String teacherKey, UUID classId, LocalDate day, UUID pupil, String staffKey) {
        List<LocalTime[]> busy = new ArrayList<>();
        JsonPath registers = Gateway.as(teacherKey).queryParam("date", day.toString())
                .get("/api/attendance/classes/{id}/day", classId)
                .then().statusCode(200).extract().jsonPath();
        List<String> starts = registers.getList("startsAt", String.class);
        List<String> ends = registers.getList("endsAt", String.class);
        for (int i = 0; i < starts.size(); i++) {
            busy.add(new LocalTime[] {LocalTime.parse(starts.get(i)), LocalTime.parse(ends.get(i))});
        }
        JsonPath record = Gateway.as(staffKey).queryParam("month", YearMonth.from(day).toString())
                .get("/api/attendance/pupils/{id}/record", pupil)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = record.getList("entries");
        for (Map<String, Object> e : entries) {
            if (!"ABSENCE".equals(e.get("kind")) || "CANCELLED".equals(e.get("status"))) {
                continue;
            }
            var from = OffsetDateTime.parse((String) e.get("startsAt")).atZoneSameInstant(Platform.SCHOOL_ZONE);
            var to = e.get("endsAt") == null ? from.plusYears(1)
                    : OffsetDateTime.parse((String) e.get("endsAt")).atZoneSameInstant(Platform.SCHOOL_ZONE);
            if (from.toLocalDate().isAfter(day) || to.toLocalDate().isBefore(day)) {
                continue;
            }
            LocalTime a = from.toLocalDate().isBefore(day) ? LocalTime.MIN : from.toLocalTime();
            LocalTime b = to.toLocalDate().isAfter(day) ? LocalTime.MAX : to.toLocalTime();
            busy.add(new LocalTime[] {a, b});
        }
        for (LocalTime start = FIRST; start.isBefore(LAST); start = start.plusMinutes(SLOT_MINUTES)) {
            LocalTime s = start;
            LocalTime end = start.plusMinutes(SLOT_MINUTES);
            // overlapping, or same start as a register (the register's key): taken
            boolean taken = busy.stream().anyMatch(b -> s.equals(b[0]) || (s.isBefore(b[1]) && b[0].isBefore(end)));
            if (!taken) {
                return start;
            }
        }
        return null;
    }

    private static Taken take(String teacherKey, UUID classId, LocalDate day, LocalTime start, List<UUID> roster,
                              UUID absent) {
        LocalTime end = start.plusMinutes(SLOT_MINUTES);
        List<Map<String, Object>> marks = new ArrayList<>();
        for (UUID pupil : roster) {
            Map<String, Object> mark = new LinkedHashMap<>();
            mark.put("pupilId", pupil.toString());
            mark.put("status", pupil.equals(absent) ? "ABSENT" : "PRESENT");
            marks.add(mark);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupId", classId.toString());
        body.put("subject", "MATHS");
        body.put("date", day.toString());
        body.put("startsAt", start.toString());
        body.put("endsAt", end.toString());
        body.put("marks", marks);
        Response answer = Gateway.as(teacherKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/attendance/registers");
        assertThat(answer.statusCode()).as("roll call answer %s", answer.asString()).isEqualTo(201);
        JsonPath register = answer.jsonPath();
        String entry = register.getString("pupils.find { it.pupilId == '" + absent + "' }.entryId");
        assertThat(entry).as("the absent pupil's new absence in %s", answer.asString()).isNotNull();
        return new Taken(UUID.fromString(register.getString("id")), classId, day, start, end, absent,
                UUID.fromString(entry), roster.size(), register);
    }
}
