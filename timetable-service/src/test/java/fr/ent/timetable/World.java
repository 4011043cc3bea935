package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolDays;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testservers.TestTokens;
import fr.ent.timetable.calendar.PublicHolidays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fresh school for one test, built with the test kit's {@link SchoolWorld} and seeded into the
 * directory projection the real way (identity events applied by DirectoryProjection): class 4A
 * (pupils 0..n, each with a guardian; 0 and 1 also in the group "Latin"), class 4B (one pupil),
 * teachers of 4A (maths, Latin), of 4B, and one who teaches in both schools, a CPE; a second school
 * with its CPE, a teacher, a class and a pupil.
 * {@link #withCalendar()} sets the school's calendar up through the API: zone A, slots M1..S3, the
 * school year around today, rooms B12 and Labo.
 */
public final class World {

    public final UUID school;
    public final UUID otherSchool;
    public final UUID classA;
    public final UUID latin;
    public final UUID classB;
    public final UUID otherClass;
    public final List<UUID> pupilsA = new ArrayList<>();
    public final List<UUID> guardiansA = new ArrayList<>();
    public final UUID pupilB;
    public final UUID guardianB;
    public final UUID teacherA;
    public final UUID teacherB;
    /** Teaches 4B here and a class of the other school. */
    public final UUID teacherBoth = UUID.randomUUID();
    public final UUID otherTeacher;
    public final UUID cpe;
    public final UUID otherCpe;
    public final UUID otherPupil;
    public final Map<String, UUID> rooms = new HashMap<>();
    private final List<Person> pupilPeople = new ArrayList<>();
    private final List<Person> guardianPeople = new ArrayList<>();
    private final Person teacherAPerson;
    private final Person teacherBPerson;
    private final Person otherTeacherPerson;
    private final Person cpePerson;
    private final Person otherCpePerson;

    private World(SchoolWorld world, int pupilsInA) {
        SchoolWorld.School here = world.school("Collège Jean Moulin");
        SchoolWorld.School other = world.school("Collège Victor Hugo");
        school = here.id();
        otherSchool = other.id();
        classA = here.classGroup("4A", "4e");
        latin = here.group("Latin 4e", "4e");
        classB = here.classGroup("4B", "4e");
        otherClass = other.classGroup("3C", "3e");
        for (int i = 0; i < pupilsInA; i++) {
            UUID[] groups = i < 2 ? new UUID[]{latin} : new UUID[0];
            Person pupil = here.pupil("Élève" + i, "Nom" + i, classA, groups);
            Person guardian = here.guardian(pupil, "Parent" + i, "Nom" + i);
            pupilPeople.add(pupil);
            guardianPeople.add(guardian);
            pupilsA.add(pupil.id());
            guardiansA.add(guardian.id());
        }
        Person zoe = here.pupil("Zoé", "Bernard", classB);
        pupilB = zoe.id();
        guardianB = here.guardian(zoe, "Marc", "Bernard").id();
        teacherAPerson = here.teacher("Anne", "Martin");
        here.teaches(teacherAPerson, classA, "Mathématiques").teaches(teacherAPerson, latin, "Latin");
        teacherBPerson = here.teacher("Bruno", "Petit");
        here.teaches(teacherBPerson, classB, "Histoire");
        // A person of two schools, which SchoolWorld's people (one school each) are not.
        world.add(DirectoryEvents.teacher(teacherBoth, "Chloé", "Durand", school, otherSchool))
                .add(DirectoryEvents.teaching(teacherBoth, school, classB, "Anglais"))
                .add(DirectoryEvents.teaching(teacherBoth, otherSchool, otherClass, "Anglais"));
        otherTeacherPerson = other.teacher("Olga", "Autre");
        other.teaches(otherTeacherPerson, otherClass, "Physique");
        cpePerson = here.staff("Claire", "Cpe");
        otherCpePerson = other.staff("Olivier", "Cpe");
        otherPupil = other.pupil("Omar", "Autre", otherClass).id();
        teacherA = teacherAPerson.id();
        teacherB = teacherBPerson.id();
        otherTeacher = otherTeacherPerson.id();
        cpe = cpePerson.id();
        otherCpe = otherCpePerson.id();
    }

    public static World create(DirectoryProjection projection, int pupilsInA) {
        onASchoolDay();
        SchoolWorld world = new SchoolWorld().enrolledFrom(today().minusYears(1));
        World w = new World(world, pupilsInA);
        apply(projection, world);
        return w;
    }

    /** Hands the world's identity events to the projection at once, in the test's thread. */
    static void apply(DirectoryProjection projection, SchoolWorld world) {
        QuarkusTransaction.requiringNew().run(() -> world.events().forEach(e -> projection.apply(DirectoryEvents.event(e))));
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

    /** See the kit's {@link SchoolDays#onASchoolDay}. */
    static void onASchoolDay() {
        SchoolDays.onASchoolDay();
    }

    /** The service's "today". */
    public static LocalDate today() {
        return SchoolDays.today();
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
        return teacherAPerson.token();
    }

    public String teacherBToken() {
        return teacherBPerson.token();
    }

    public String teacherBothToken() {
        return TestTokens.person(teacherBoth).roles("teacher").schools(school, otherSchool).sign();
    }

    public String otherTeacherToken() {
        return otherTeacherPerson.token();
    }

    public String cpeToken() {
        return cpePerson.token();
    }

    public String otherCpeToken() {
        return otherCpePerson.token();
    }

    public String guardianToken(int i) {
        return guardianPeople.get(i).token();
    }

    public String pupilToken(int i) {
        return pupilPeople.get(i).token();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
