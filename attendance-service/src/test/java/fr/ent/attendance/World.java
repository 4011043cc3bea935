package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolDays;
import fr.ent.testkit.SchoolWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;


import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fresh school for one test, built with the test kit's {@link SchoolWorld} and seeded into the
 * directory projection the real way (identity events applied by DirectoryProjection): class 4A
 * (pupils a0..aN, each with a guardian), group "latin" (a0, a1), class 4B (one pupil), teachers of
 * 4A and of 4B, a CPE, and a second school with its own CPE and pupil.
 */
public final class World {

    public final UUID school;
    public final UUID otherSchool;
    public final UUID classA;
    public final UUID latin;
    public final UUID classB;
    public final List<UUID> pupilsA = new ArrayList<>();
    public final List<UUID> guardiansA = new ArrayList<>();
    public final UUID pupilB;
    public final UUID guardianB;
    public final UUID teacherA;
    public final UUID teacherB;
    public final UUID cpe;
    public final UUID otherCpe;
    public final UUID otherPupil;
    private final List<Person> pupilPeople = new ArrayList<>();
    private final List<Person> guardianPeople = new ArrayList<>();
    private final Person teacherAPerson;
    private final Person teacherBPerson;
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
        for (int i = 0; i < pupilsInA; i++) {
            UUID[] groups = i < 2 ? new UUID[]{latin} : new UUID[0];
            Person pupil = here.pupil("Élève" + i, "Nom" + (char) ('A' + i % 26) + i, classA, groups);
            Person guardian = here.guardian(pupil, "Parent" + i, "Nom" + i);
            pupilPeople.add(pupil);
            guardianPeople.add(guardian);
            pupilsA.add(pupil.id());
            guardiansA.add(guardian.id());
        }
        Person zoe = here.pupil("Zoé", "Bernard", classB);
        pupilB = zoe.id();
        guardianB = here.guardian(zoe, "Marc", "Bernard").id();
        teacherAPerson = here.teacher("Anne", "Prof");
        here.teaches(teacherAPerson, classA, "Mathématiques").teaches(teacherAPerson, latin, "Latin");
        teacherBPerson = here.teacher("Bruno", "Prof");
        here.teaches(teacherBPerson, classB, "Histoire");
        cpePerson = here.staff("Claire", "Cpe");
        otherCpePerson = other.staff("Olivier", "Cpe");
        teacherA = teacherAPerson.id();
        teacherB = teacherBPerson.id();
        cpe = cpePerson.id();
        otherCpe = otherCpePerson.id();
        otherPupil = other.pupilWithoutClass("Omar", "Autre").id();
    }

    public static World create(DirectoryProjection projection, int pupilsInA) {
        onASchoolDay();
        SchoolWorld world = new SchoolWorld().enrolledFrom(today().minusYears(1));
        World w = new World(world, pupilsInA);
        QuarkusTransaction.requiringNew().run(() -> world.events().forEach(e -> projection.apply(DirectoryEvents.event(e))));
        return w;
    }

    /** See the kit's {@link SchoolDays#onASchoolDay}. */
    static void onASchoolDay() {
        SchoolDays.onASchoolDay();
    }

    /** The service's "today". */
    public static LocalDate today() {
        return SchoolDays.today();
    }

    public static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    public UUID pupil(int i) {
        return pupilsA.get(i);
    }

    public UUID guardian(int i) {
        return guardiansA.get(i);
    }

    // --- tokens

    public String teacherAToken() {
        return teacherAPerson.token();
    }

    public String teacherBToken() {
        return teacherBPerson.token();
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

    /** A reason for absences of the school, created by its CPE; returns its id. */
    public String reason(String code, String label, boolean justifying, boolean confidential) {
        return as(cpeToken()).body(Map.of("code", code, "label", label, "justifying", justifying, "confidential", confidential))
                .post("/api/attendance/schools/" + school + "/reasons").then().statusCode(201).extract().path("id");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
