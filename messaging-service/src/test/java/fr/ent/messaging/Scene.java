package fr.ent.messaging;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolDays;
import fr.ent.testkit.SchoolWorld;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * messaging's test school, built with the kit's {@link SchoolWorld} and applied to the directory
 * projection: Collège Jean Moulin with 4A (Léa, mother Sophie; Emma, father Thomas) taught maths
 * by Claire Martin, 4B (Hugo, mother Nadia) taught by Julien Noël, the CPE Karim Benali; Collège
 * Victor Hugo with its CPE Isabelle, its teacher Paul and Sophie's other child Jules (so Sophie is a
 * parent of both schools).
 */
final class Scene {

    final UUID school;
    final UUID otherSchool;
    final UUID class4A;
    final UUID class4B;
    final Person lea;
    final Person emma;
    final Person hugo;
    final Person sophie;
    final Person thomas;
    final Person nadia;
    final Person claire;
    final Person julien;
    final Person karim;
    final Person isabelle;
    final Person paul;
    final Person jules;

    private Scene(SchoolWorld world) {
        SchoolWorld.School here = world.school("Collège Jean Moulin");
        SchoolWorld.School other = world.school("Collège Victor Hugo");
        school = here.id();
        otherSchool = other.id();
        class4A = here.classGroup("4A", "4e");
        class4B = here.classGroup("4B", "4e");
        lea = here.pupil("Léa", "Dubois", class4A);
        emma = here.pupil("Emma", "Petit", class4A);
        hugo = here.pupil("Hugo", "Leroy", class4B);
        sophie = here.guardian(lea, "Sophie", "Dubois");
        thomas = here.guardian(emma, "Thomas", "Petit");
        nadia = here.guardian(hugo, "Nadia", "Leroy");
        claire = here.teacher("Claire", "Martin");
        here.teaches(claire, class4A, "MATHS");
        julien = here.teacher("Julien", "Noël");
        here.teaches(julien, class4B, "HIST");
        karim = here.staff("Karim", "Benali");
        UUID class3C = other.classGroup("3C", "3e");
        isabelle = other.staff("Isabelle", "Carpentier");
        paul = other.teacher("Paul", "Roux");
        other.teaches(paul, class3C, "MATHS");
        jules = other.pupil("Jules", "Dubois", class3C);
        world.add(DirectoryEvents.guardianship(sophie.id(), jules.id(), true));
    }

    static Scene create(DirectoryProjection projection) {
        SchoolDays.onASchoolDay();
        SchoolWorld world = new SchoolWorld().enrolledFrom(SchoolDays.today().minusYears(1));
        Scene scene = new Scene(world);
        QuarkusTransaction.requiringNew().run(() -> world.events().forEach(e -> projection.apply(DirectoryEvents.event(e))));
        return scene;
    }

    static RequestSpecification as(Person person) {
        return as(person.token());
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    static Map<String, Object> to(Person... people) {
        return Map.of("personId", people[0].id());
    }

    static Map<String, Object> group(String group, UUID classGroupId) {
        return classGroupId == null ? Map.of("group", group) : Map.of("group", group, "classGroupId", classGroupId);
    }

    static Map<String, Object> message(UUID school, String subject, String body, List<?> to) {
        return Map.of("schoolId", school, "subject", subject, "body", body, "to", to);
    }
}
