package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.testservers.TestTokens;
import fr.ent.timetable.calendar.PublicHolidays;
import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fresh school for one test, seeded into the directory projection the real way (identity events
 * applied by DirectoryProjection): class 4A (pupils 0..n, each with a guardian; 0 and 1 also in the
 * group "Latin"), class 4B (one pupil), teachers of 4A (maths, Latin), of 4B, and one who teaches in
 * both schools, a CPE; a second school with its CPE, a teacher, a class and a pupil.
 * {@link #withCalendar()} sets the school's calendar up through the API: zone A, slots M1..S3, the
 * school year around today, rooms B12 and Labo.
 */
public final class World {

    public final UUID school = UUID.randomUUID();
    public final UUID otherSchool = UUID.randomUUID();
    public final UUID classA = UUID.randomUUID();
    public final UUID latin = UUID.randomUUID();
    public final UUID classB = UUID.randomUUID();
    public final UUID otherClass = UUID.randomUUID();
    public final List<UUID> pupilsA = new ArrayList<>();
    public final List<UUID> guardiansA = new ArrayList<>();
    public final UUID pupilB = UUID.randomUUID();
    public final UUID guardianB = UUID.randomUUID();
    public final UUID teacherA = UUID.randomUUID();
    public final UUID teacherB = UUID.randomUUID();
    /** Teaches 4B here and a class of the other school. */
    public final UUID teacherBoth = UUID.randomUUID();
    public final UUID otherTeacher = UUID.randomUUID();
    public final UUID cpe = UUID.randomUUID();
    public final UUID otherCpe = UUID.randomUUID();
    public final UUID otherPupil = UUID.randomUUID();
    public final Map<String, UUID> rooms = new HashMap<>();

    public static World create(DirectoryProjection projection, int pupilsInA) {
        onASchoolDay();
        World w = new World();
        List<IdentityEvent> events = new ArrayList<>();
        LocalDate start = today().minusYears(1);
        events.add(DirectoryEvents.school(w.school, "Collège Jean Moulin"));
        events.add(DirectoryEvents.school(w.otherSchool, "Collège Victor Hugo"));
        events.add(DirectoryEvents.classGroup(w.classA, w.school, "4A", "4e"));
        events.add(DirectoryEvents.group(w.latin, w.school, "Latin 4e", "4e"));
        events.add(DirectoryEvents.classGroup(w.classB, w.school, "4B", "4e"));
        events.add(DirectoryEvents.classGroup(w.otherClass, w.otherSchool, "3C", "3e"));
        for (int i = 0; i < pupilsInA; i++) {
            UUID pupil = UUID.randomUUID();
            UUID guardian = UUID.randomUUID();
            w.pupilsA.add(pupil);
            w.guardiansA.add(guardian);
            events.add(DirectoryEvents.pupil(pupil, w.school, "Élève" + i, "Nom" + i));
            events.add(DirectoryEvents.parent(guardian, "Parent" + i, "Nom" + i, w.school));
            events.add(DirectoryEvents.guardianship(guardian, pupil, true));
            events.add(i < 2 ? DirectoryEvents.enrolment(pupil, w.school, w.classA, start, null, w.latin)
                    : DirectoryEvents.enrolment(pupil, w.school, w.classA, start, null));
        }
        events.add(DirectoryEvents.pupil(w.pupilB, w.school, "Zoé", "Bernard"));
        events.add(DirectoryEvents.parent(w.guardianB, "Marc", "Bernard", w.school));
        events.add(DirectoryEvents.guardianship(w.guardianB, w.pupilB, true));
        events.add(DirectoryEvents.enrolment(w.pupilB, w.school, w.classB, start, null));
        events.add(DirectoryEvents.teacher(w.teacherA, "Anne", "Martin", w.school));
        events.add(DirectoryEvents.teaching(w.teacherA, w.school, w.classA, "Mathématiques"));
        events.add(DirectoryEvents.teaching(w.teacherA, w.school, w.latin, "Latin"));
        events.add(DirectoryEvents.teacher(w.teacherB, "Bruno", "Petit", w.school));
        events.add(DirectoryEvents.teaching(w.teacherB, w.school, w.classB, "Histoire"));
        events.add(DirectoryEvents.teacher(w.teacherBoth, "Chloé", "Durand", w.school, w.otherSchool));
        events.add(DirectoryEvents.teaching(w.teacherBoth, w.school, w.classB, "Anglais"));
        events.add(DirectoryEvents.teaching(w.teacherBoth, w.otherSchool, w.otherClass, "Anglais"));
        events.add(DirectoryEvents.teacher(w.otherTeacher, "Olga", "Autre", w.otherSchool));
        events.add(DirectoryEvents.teaching(w.otherTeacher, w.otherSchool, w.otherClass, "Physique"));
        events.add(DirectoryEvents.staff(w.cpe, "Claire", "Cpe", w.school));
        events.add(DirectoryEvents.staff(w.otherCpe, "Olivier", "Cpe", w.otherSchool));
        events.add(DirectoryEvents.pupil(w.otherPupil, w.otherSchool, "Omar", "Autre"));
        events.add(DirectoryEvents.enrolment(w.otherPupil, w.otherSchool, w.otherClass, start, null));
        QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> projection.apply(DirectoryEvents.event(e))));
        return w;
    }

    /** The school year around today ("2026-2027" from August to July). */
    public static String year() {
        int first = today().getMonthValue() >= 8 ? today().getYear() : today().getYear() - 1;
        return first + "-" + (first + 1);
    }

    public static int firstYear() {
        return Integer.parseInt(year().substring(0, 4));
    }

    /** Sets both schools' calendars up (zone A, 08:00–18:00, slots M1..S3, this school year) and two rooms here. */
    public World withCalendar() {
        calendar(school, cpeToken());
        calendar(otherSchool, otherCpeToken());
        for (String name : List.of("B12", "Labo")) {
            String id = as(cpeToken()).body(Map.of("name", name, "capacity", 30))
                    .post("/api/timetable/schools/" + school + "/rooms").then().statusCode(201).extract().path("id");
            rooms.put(name, UUID.fromString(id));
        }
        return this;
    }

    private static void calendar(UUID schoolId, String token) {
        String base = "/api/timetable/schools/" + schoolId + "/calendar";
        as(token).body(Map.of("zone", "A", "dayStartsAt", "08:00", "dayEndsAt", "18:00", "afternoonStartsAt", "12:00"))
                .put(base).then().statusCode(200);
        as(token).body(Map.of("startsOn", firstYear() + "-08-01", "endsOn", (firstYear() + 1) + "-07-31",
                        "weeksA", evenWeeks(), "weeksB", oddWeeks()))
                .put(base + "/years/" + year()).then().statusCode(200);
        as(token).body(Map.of("slots", List.of(
                        slot("M1", "08:00", "08:55"), slot("M2", "09:00", "09:55"), slot("M3", "10:05", "11:00"),
                        slot("M4", "11:05", "12:00"), slot("S1", "13:30", "14:25"), slot("S2", "14:30", "15:25"),
                        slot("S3", "15:35", "16:30"))))
                .put(base + "/slots").then().statusCode(200);
    }

    static List<Integer> evenWeeks() {
        List<Integer> weeks = new ArrayList<>();
        for (int w = 2; w <= 52; w += 2) {
            weeks.add(w);
        }
        return weeks;
    }

    static List<Integer> oddWeeks() {
        List<Integer> weeks = new ArrayList<>();
        for (int w = 1; w <= 53; w += 2) {
            weeks.add(w);
        }
        return weeks;
    }

    static Map<String, String> slot(String code, String start, String end) {
        return Map.of("code", code, "startsAt", start, "endsAt", end);
    }

    /**
     * Moves the service's clock to 10:30 on the school day (Monday to Friday) at or before the run's
     * configured start ({@code ent.clock.start}), so that "today" is a day of lessons whatever start
     * a run is given.
     */
    static void onASchoolDay() {
        ZoneId zone = Arc.container().instance(SchoolClock.class).get().zone();
        LocalDate day = ConfigProvider.getConfig().getOptionalValue("ent.clock.start", OffsetDateTime.class)
                .map(s -> s.atZoneSameInstant(zone).toLocalDate()).orElse(LocalDate.now(zone));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        Arc.container().instance(PlatformClock.class).get().set(day.atTime(10, 30).atZone(zone).toOffsetDateTime());
    }

    /** The service's "today" (see {@link #onASchoolDay}). */
    public static LocalDate today() {
        return Arc.container().instance(SchoolClock.class).get().today();
    }

    /** The first such weekday after today that is not a public holiday. */
    public static LocalDate next(DayOfWeek day) {
        LocalDate d = today().plusDays(1);
        while (d.getDayOfWeek() != day || PublicHolidays.of(d.getYear()).containsKey(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public UUID pupil(int i) {
        return pupilsA.get(i);
    }

    public UUID guardian(int i) {
        return guardiansA.get(i);
    }

    public UUID room(String name) {
        return rooms.get(name);
    }

    // --- lessons

    /** A weekly lesson's body (dates: from startsOn to the end of the school year). */
    public static Map<String, Object> weekly(String subject, UUID teacher, UUID classId, UUID room, String slot,
                                             String recurrence, LocalDate startsOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("teacherIds", List.of(teacher));
        body.put("classIds", classId == null ? List.of() : List.of(classId));
        if (room != null) {
            body.put("roomId", room);
        }
        body.put("slot", slot);
        body.put("recurrence", recurrence);
        body.put("dayOfWeek", startsOn.getDayOfWeek().toString());
        body.put("startsOn", startsOn.toString());
        return body;
    }

    /** Plans the lesson as the CPE; its id. */
    public UUID plan(Map<String, Object> lesson) {
        String id = as(cpeToken()).body(lesson).post("/api/timetable/schools/" + school + "/lessons")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    // --- tokens

    public String teacherAToken() {
        return TestTokens.teacher(teacherA, school);
    }

    public String teacherBToken() {
        return TestTokens.teacher(teacherB, school);
    }

    public String teacherBothToken() {
        return TestTokens.person(teacherBoth).roles("teacher").schools(school, otherSchool).sign();
    }

    public String otherTeacherToken() {
        return TestTokens.teacher(otherTeacher, otherSchool);
    }

    public String cpeToken() {
        return TestTokens.staff(cpe, school);
    }

    public String otherCpeToken() {
        return TestTokens.staff(otherCpe, otherSchool);
    }

    public String guardianToken(int i) {
        return TestTokens.parent(guardian(i), school);
    }

    public String pupilToken(int i) {
        return TestTokens.pupil(pupil(i), school);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
