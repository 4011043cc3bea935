package fr.ent.grades;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolDays;
import fr.ent.testkit.SchoolWorld;
import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fresh school for one test (the kit's {@link SchoolWorld}, applied through the real
 * DirectoryProjection): Collège Jean Moulin with class 4A (Léa and n-1 classmates, each with a
 * guardian; Léa's separated father too), class 4B (Zoé), group "Latin 4e" (Léa); Claire teaches
 * MATHS to 4A and LATIN to the group, Paul FRANCAIS to 4A, Bruno HISTOIRE to 4B; Karim is the CPE.
 * Collège Victor Hugo has its CPE, a teacher, a class and a pupil. {@link #withYear()} has the
 * staff create a period covering the whole school year around today.
 */
public final class World {

    public final UUID school;
    public final UUID otherSchool;
    public final UUID classA;
    public final UUID classB;
    public final UUID latin;
    public final UUID otherClass;
    public final List<Person> pupilsA = new ArrayList<>();
    public final List<Person> guardiansA = new ArrayList<>();
    public final Person father;
    public final Person zoe;
    public final Person claire;
    public final Person paul;
    public final Person bruno;
    public final Person cpe;
    public final Person otherCpe;
    public final Person otherTeacher;
    public final Person otherPupil;
    public UUID year;

    private World(SchoolWorld world, int pupilsInA) {
        SchoolWorld.School here = world.school("Collège Jean Moulin");
        SchoolWorld.School other = world.school("Collège Victor Hugo");
        school = here.id();
        otherSchool = other.id();
        classA = here.classGroup("4A", "4EME");
        classB = here.classGroup("4B", "4EME");
        latin = here.group("Latin 4e", "4EME");
        otherClass = other.classGroup("3C", "3EME");
        String[] names = {"Léa", "Hugo", "Emma", "Inès", "Yanis", "Nadia"};
        for (int i = 0; i < pupilsInA; i++) {
            Person pupil = i == 0 ? here.pupil("Léa", "Dubois", classA, latin)
                    : here.pupil(names[i % names.length] + i, "Nom" + i, classA);
            pupilsA.add(pupil);
            guardiansA.add(here.guardian(pupil, "Parent" + i, i == 0 ? "Dubois" : "Nom" + i));
        }
        father = here.guardian(pupilsA.get(0), "Marc", "Dubois");
        zoe = here.pupil("Zoé", "Bernard", classB);
        here.guardian(zoe, "Luc", "Bernard");
        claire = here.teacher("Claire", "Martin");
        here.teaches(claire, classA, "MATHS").teaches(claire, latin, "LATIN");
        paul = here.teacher("Paul", "Lefèvre");
        here.teaches(paul, classA, "FRANCAIS");
        bruno = here.teacher("Bruno", "Petit");
        here.teaches(bruno, classB, "HISTOIRE");
        cpe = here.staff("Karim", "Benali");
        otherCpe = other.staff("Isabelle", "Carpentier");
        otherTeacher = other.teacher("Olga", "Autre");
        other.teaches(otherTeacher, otherClass, "MATHS");
        otherPupil = other.pupil("Omar", "Autre", otherClass);
    }

    public static World create(DirectoryProjection projection, int pupilsInA) {
        SchoolDays.onASchoolDay();
        SchoolWorld world = new SchoolWorld().enrolledFrom(today().minusYears(1));
        World w = new World(world, pupilsInA);
        QuarkusTransaction.requiringNew().run(() -> world.events().forEach(e -> projection.apply(DirectoryEvents.event(e))));
        return w;
    }

    /** The staff create "Année" for the whole school: the school year around today. */
    public World withYear() {
        year = period(school, cpe.token(), null, "Année", LocalDate.of(firstYear(), 8, 1), LocalDate.of(firstYear() + 1, 7, 31));
        return this;
    }

    public static UUID period(UUID school, String token, UUID classGroupId, String name, LocalDate from, LocalDate to) {
        Map<String, Object> body = new HashMap<>(Map.of("schoolYear", schoolYear(), "name", name, "startsOn", from.toString(),
                "endsOn", to.toString()));
        if (classGroupId != null) {
            body.put("classGroupId", classGroupId.toString());
        }
        return UUID.fromString(as(token).body(body).post("/api/grades/schools/" + school + "/periods")
                .then().statusCode(201).extract().path("id"));
    }

    public static String schoolYear() {
        return firstYear() + "-" + (firstYear() + 1);
    }

    public static int firstYear() {
        LocalDate today = today();
        return today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    }

    public static LocalDate today() {
        return SchoolDays.today();
    }

    /** Moves the service's clock to that time of the school's zone. */
    public static void at(LocalDate day, int hour, int minute) {
        SchoolClock clock = Arc.container().instance(SchoolClock.class).get();
        Arc.container().instance(PlatformClock.class).get()
                .set(ZonedDateTime.of(day.atTime(hour, minute), clock.zone()).toOffsetDateTime());
    }

    public Person lea() {
        return pupilsA.get(0);
    }

    public Person mother() {
        return guardiansA.get(0);
    }

    /** Claire's maths assessment of 4A today: coefficient, scale; returns its id. */
    public UUID assessment(String title, String coefficient, int scale) {
        return assessment(claire.token(), classA, "MATHS", title, today(), coefficient, scale, Map.of());
    }

    public static UUID assessment(String token, UUID classGroupId, String subject, String title, LocalDate day,
                                  String coefficient, int scale, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", classGroupId.toString(), "subject", subject,
                "title", title, "heldOn", day.toString(), "coefficient", Double.parseDouble(coefficient), "scale", scale));
        body.putAll(more);
        return UUID.fromString(as(token).body(body).post("/api/grades/assessments").then().statusCode(201).extract().path("id"));
    }

    /** A mark line: a number (value) or a marker name. */
    public static Map<String, Object> mark(Person pupil, Object valueOrMarker) {
        return valueOrMarker instanceof String s ? Map.of("pupilId", pupil.id().toString(), "marker", s)
                : Map.of("pupilId", pupil.id().toString(), "value", valueOrMarker);
    }

    public static void enter(String token, UUID assessment, List<Map<String, Object>> marks) {
        as(token).body(Map.of("marks", marks)).put("/api/grades/assessments/" + assessment + "/marks").then().statusCode(200);
    }

    public static void publish(String token, UUID assessment) {
        as(token).post("/api/grades/assessments/" + assessment + "/publish").then().statusCode(200);
    }

    public static RequestSpecification as(String token) {
        RequestSpecification r = given().contentType("application/json");
        return token == null ? r : r.auth().oauth2(token);
    }
}
