package fr.ent.homework;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.Person;
import fr.ent.testkit.PresignedUrls;
import fr.ent.testkit.SchoolDays;
import fr.ent.testkit.SchoolWorld;
import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fresh school for one test: Collège Jean Moulin with class 4A (Léa, also in group "Latin 4e",
 * and Hugo, each with a guardian), class 4B (Zoé); Claire teaches MATHS to 4A and LATIN to the
 * group, Paul FRANCAIS to 4A, Bruno HISTOIRE to 4B; Karim is the CPE; Hélène Garnier is an inspector
 * (IA-IPR) of the school. Collège Victor Hugo has its CPE, a teacher, a class, a pupil and an inspector.
 */
final class World {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

    final UUID school;
    final UUID otherSchool;
    final UUID classA;
    final UUID classB;
    final UUID latin;
    final Person lea;
    final Person hugo;
    final Person mother;
    final Person hugoParent;
    final Person zoe;
    final Person claire;
    final Person paul;
    final Person bruno;
    final Person cpe;
    final Person otherCpe;
    final Person otherTeacher;
    final Person otherPupil;
    final Person inspector;
    final Person otherInspector;

    private World(SchoolWorld world) {
        SchoolWorld.School here = world.school("Collège Jean Moulin");
        SchoolWorld.School other = world.school("Collège Victor Hugo");
        school = here.id();
        otherSchool = other.id();
        classA = here.classGroup("4A", "4EME");
        classB = here.classGroup("4B", "4EME");
        latin = here.group("Latin 4e", "4EME");
        lea = here.pupil("Léa", "Dubois", classA, latin);
        hugo = here.pupil("Hugo", "Martin", classA);
        mother = here.guardian(lea, "Anne", "Dubois");
        hugoParent = here.guardian(hugo, "Marc", "Martin");
        zoe = here.pupil("Zoé", "Bernard", classB);
        claire = here.teacher("Claire", "Moreau");
        here.teaches(claire, classA, "MATHS").teaches(claire, latin, "LATIN");
        paul = here.teacher("Paul", "Lefèvre");
        here.teaches(paul, classA, "FRANCAIS");
        bruno = here.teacher("Bruno", "Petit");
        here.teaches(bruno, classB, "HISTOIRE");
        cpe = here.staff("Karim", "Benali");
        otherCpe = other.staff("Isabelle", "Carpentier");
        UUID otherClass = other.classGroup("3C", "3EME");
        otherTeacher = other.teacher("Olga", "Autre");
        other.teaches(otherTeacher, otherClass, "MATHS");
        otherPupil = other.pupil("Omar", "Autre", otherClass);
        inspector = here.inspector("Hélène", "Garnier");
        otherInspector = other.inspector("Marc", "Lenoir");
    }

    static World create(DirectoryProjection projection) {
        SchoolDays.onASchoolDay();
        SchoolWorld world = new SchoolWorld().enrolledFrom(today().minusYears(1));
        World w = new World(world);
        QuarkusTransaction.requiringNew().run(() -> world.events().forEach(e -> projection.apply(DirectoryEvents.event(e))));
        return w;
    }

    static LocalDate today() {
        return SchoolDays.today();
    }

    /** Moves the service's clock to that time of the school's zone. */
    static void at(LocalDate day, int hour, int minute) {
        SchoolClock clock = Arc.container().instance(SchoolClock.class).get();
        Arc.container().instance(PlatformClock.class).get()
                .set(ZonedDateTime.of(day.atTime(hour, minute), clock.zone()).toOffsetDateTime());
    }

    static RequestSpecification as(String token) {
        RequestSpecification r = given().contentType("application/json");
        return token == null ? r : r.auth().oauth2(token);
    }

    /** A work body: Claire's maths for 4A unless {@code more} says otherwise. */
    Map<String, Object> work(String title, String kind, LocalDate dueOn, int minutes, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", classA.toString(), "subject", "MATHS", "title", title,
                "instructions", "Exercices 1 à 4 page 52", "kind", kind, "dueOn", dueOn.toString(), "estimatedMinutes", minutes));
        body.putAll(more);
        return body;
    }

    /** Claire sets work; returns its id. */
    UUID setWork(String title, String kind, LocalDate dueOn, int minutes) {
        return UUID.fromString(as(claire.token()).body(work(title, kind, dueOn, minutes, Map.of())).post("/api/homework/works")
                .then().statusCode(201).extract().path("work.id"));
    }

    /** Offers at that path, PUTs the bytes to S3: the file id. */
    static String upload(String token, String path, String name, byte[] content, String type) {
        var offer = as(token).body(Map.of("fileName", name, "size", content.length, "contentType", type, "sha256", PresignedUrls.sha256(content)))
                .post(path).then().statusCode(201).extract();
        int status = PresignedUrls.put(offer.path("url"), offer.path("headers.Content-Type"), content);
        if (status != 200) {
            throw new AssertionError("the S3 server refused the pre-signed PUT: " + status);
        }
        return offer.path("fileId");
    }

}
