package fr.ent.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.identity.Api.BASE;
import static fr.ent.identity.Api.admin;
import static fr.ent.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class DirectoryApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_admin_creates_reads_and_changes_a_school() {
        String uai = Api.uai();
        String id = as(admin()).body(Map.of("uai", uai.toLowerCase(), "name", "Collège Jean Moulin", "type", "college",
                        "academy", "STRASBOURG"))
                .post(BASE + "/schools")
                .then().statusCode(201)
                .body("uai", is(uai))
                .body("type", is("COLLEGE"))
                .body("timeZone", is("Europe/Paris"))
                .body("version", is(1))
                .extract().path("id");

        as(admin()).get(BASE + "/schools/" + id).then().statusCode(200).body("name", is("Collège Jean Moulin"));

        as(admin()).body(Map.of("uai", uai, "name", "Collège Jean-Moulin", "type", "COLLEGE", "academy", "STRASBOURG"))
                .put(BASE + "/schools/" + id)
                .then().statusCode(200).body("name", is("Collège Jean-Moulin")).body("version", is(2));
    }

    @Test
    void a_bad_uai_is_a_400_that_names_the_field() {
        as(admin()).body(Map.of("uai", "067001A", "name", "X", "type", "LYCEE"))
                .post(BASE + "/schools")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("uai"))
                .body("errors[0].message", notNullValue());
        as(admin()).body(Map.of("uai", Api.uai(), "name", "X", "type", "UNIVERSITE"))
                .post(BASE + "/schools")
                .then().statusCode(400).body("errors[0].field", is("type"));
        as(admin()).body(Map.of("uai", Api.uai(), "name", "X", "type", "LYCEE", "timeZone", "Mars/Olympus"))
                .post(BASE + "/schools")
                .then().statusCode(400).body("errors[0].field", is("timeZone"));
    }

    @Test
    void a_duplicate_uai_is_a_409() {
        String uai = Api.uai();
        as(admin()).body(Map.of("uai", uai, "name", "Lycée Kléber", "type", "LYCEE")).post(BASE + "/schools").then().statusCode(201);
        as(admin()).body(Map.of("uai", uai, "name", "Autre", "type", "LYCEE"))
                .post(BASE + "/schools")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://ent.example/problems/uai-taken"));
    }

    @Test
    void people_are_validated_field_by_field() {
        UUID school = Api.school("Collège Validation");
        Map<String, Object> pupil = new HashMap<>(Map.of("role", "PUPIL", "firstName", "Léa", "lastName", "Martin",
                "schoolIds", List.of(school)));
        pupil.put("email", "lea@example.org");
        as(admin()).body(pupil).post(BASE + "/people").then().statusCode(400).body("errors[0].field", is("email"));
        as(admin()).body(Map.of("role", "WIZARD", "firstName", "A", "lastName", "B")).post(BASE + "/people")
                .then().statusCode(400).body("errors[0].field", is("role"));
        as(admin()).body(Map.of("role", "TEACHER", "firstName", " ", "lastName", "B")).post(BASE + "/people")
                .then().statusCode(400).body("errors[0].field", is("firstName"));
        as(admin()).body(Map.of("role", "TEACHER", "firstName", "A", "lastName", "B", "email", "not-an-address"))
                .post(BASE + "/people").then().statusCode(400).body("errors[0].field", is("email"));
        as(admin()).body(Map.of("role", "PARENT", "firstName", "A", "lastName", "B", "schoolIds", List.of(UUID.randomUUID())))
                .post(BASE + "/people").then().statusCode(400).body("errors[0].field", is("schoolIds"));
    }

    @Test
    void usernames_are_made_from_names_and_stay_unique() {
        UUID school = Api.school("Collège Noms");
        String last = "Dupré-" + UUID.randomUUID().toString().substring(0, 6);
        UUID first = Api.person("TEACHER", "Hélène", last, null, school);
        UUID second = Api.person("TEACHER", "Hélène", last, null, school);
        String u1 = as(admin()).get(BASE + "/people/" + first).then().extract().path("username");
        String u2 = as(admin()).get(BASE + "/people/" + second).then().extract().path("username");
        // accents dropped, lower case, the rest of the name kept: helene.dupre-1a2b3c
        assertThat(u1).isEqualTo("helene." + last.toLowerCase().replace("é", "e"));
        assertThat(u2).isEqualTo(u1 + "2");
    }

    @Test
    void a_new_person_is_published_without_contact_details_and_the_address_goes_to_the_contacts_topic() throws Exception {
        UUID school = Api.school("Collège Événements");
        UUID guardian = Api.person("PARENT", "Paul", "Durand", "paul.durand@example.org", school);

        TopicReader.Event person = TopicReader.await("ent.identity", 1, r -> guardian.toString().equals(r.key())
                && "fr.ent.identity.person-upserted.v1".equals(r.type())).get(0);
        JsonNode data = JSON.readTree(person.value());
        assertThat(data.path("personId").asText()).isEqualTo(guardian.toString());
        assertThat(data.path("role").asText()).isEqualTo("PARENT");
        assertThat(data.path("lastName").asText()).isEqualTo("Durand");
        assertThat(person.value()).doesNotContain("@").doesNotContain("email");
        assertThat(person.subject()).isEqualTo(guardian.toString());

        TopicReader.Event contact = TopicReader.await("ent.identity.contacts", 1,
                r -> guardian.toString().equals(r.key())).get(0);
        assertThat(contact.type()).isEqualTo("fr.ent.identity.contact-changed.v1");
        assertThat(JSON.readTree(contact.value()).path("email").asText()).isEqualTo("paul.durand@example.org");
    }

    @Test
    void a_school_and_its_classes_are_published_keyed_by_their_ids() throws Exception {
        UUID school = Api.school("Collège Kafka");
        UUID classId = Api.classGroup(school, "CLASS", "6A");
        TopicReader.Event s = TopicReader.await("ent.identity", 1, r -> school.toString().equals(r.key())).get(0);
        assertThat(s.type()).isEqualTo("fr.ent.identity.school-upserted.v1");
        assertThat(s.schoolId()).isEqualTo(school.toString());
        TopicReader.Event c = TopicReader.await("ent.identity", 1, r -> classId.toString().equals(r.key())).get(0);
        assertThat(c.type()).isEqualTo("fr.ent.identity.class-group-upserted.v1");
        JsonNode data = JSON.readTree(c.value());
        assertThat(data.path("kind").asText()).isEqualTo("CLASS");
        assertThat(data.path("name").asText()).isEqualTo("6A");
    }

    @Test
    void a_pupil_changing_class_mid_year_ends_one_enrolment_and_starts_another() throws Exception {
        UUID school = Api.school("Collège Changement");
        UUID fourA = Api.classGroup(school, "CLASS", "4A");
        UUID fourB = Api.classGroup(school, "CLASS", "4B");
        UUID latin = Api.classGroup(school, "GROUP", "LATIN");
        UUID pupil = Api.person("PUPIL", "Nina", "Roux", null, school);
        LocalDate september = Api.today().minusMonths(4);
        LocalDate january = Api.today().minusDays(10);

        UUID first = Api.enrol(pupil, fourA, List.of(latin), september);
        UUID second = Api.enrol(pupil, fourB, List.of(latin), january);

        as(admin()).get(BASE + "/people/" + pupil + "/enrolments").then().statusCode(200)
                .body("", hasSize(2))
                .body("find { it.id == '" + first + "' }.endsOn", is(january.minusDays(1).toString()))
                .body("find { it.id == '" + first + "' }.version", is(2))
                .body("find { it.id == '" + second + "' }.endsOn", nullValue());
        as(admin()).get(BASE + "/classes/" + fourA + "/pupils?on=" + Api.today()).then().body("", empty());
        as(admin()).get(BASE + "/classes/" + fourA + "/pupils?on=" + september.plusDays(1)).then().body("id", hasItem(pupil.toString()));
        as(admin()).get(BASE + "/classes/" + fourB + "/pupils").then().body("id", hasItem(pupil.toString()));
        as(admin()).get(BASE + "/classes/" + latin + "/pupils").then().body("id", hasItem(pupil.toString()));

        // The old enrolment's end reaches Kafka as a new version of it
        List<TopicReader.Event> firstEvents = TopicReader.await("ent.identity", 2, r -> first.toString().equals(r.key()));
        JsonNode last = JSON.readTree(firstEvents.get(firstEvents.size() - 1).value());
        assertThat(last.path("end").asText()).isEqualTo(january.minusDays(1).toString());
        assertThat(last.path("version").asLong()).isEqualTo(2);
        assertThat(last.path("groupIds").get(0).asText()).isEqualTo(latin.toString());

        // Enrolling again on a day already covered by the new enrolment is refused
        as(admin()).body(Map.of("pupilId", pupil, "classId", fourA, "startsOn", january.toString()))
                .post(BASE + "/enrolments").then().statusCode(409).body("type", is("https://ent.example/problems/enrolment-overlap"));
    }

    @Test
    void a_guardian_with_children_in_two_schools_sees_both_on_their_profile() {
        UUID schoolA = Api.school("Collège A");
        UUID schoolB = Api.school("Lycée B");
        UUID classA = Api.classGroup(schoolA, "CLASS", "5C");
        UUID classB = Api.classGroup(schoolB, "CLASS", "2NDE1");
        UUID younger = Api.person("PUPIL", "Tom", "Petit", null, schoolA);
        UUID older = Api.person("PUPIL", "Zoé", "Petit", null, schoolB);
        Api.enrol(younger, classA, List.of(), Api.today().minusDays(30));
        Api.enrol(older, classB, List.of(), Api.today().minusDays(30));
        UUID mother = Api.person("PARENT", "Claire", "Petit", "claire.petit@example.org", schoolA);
        Api.guardianship(mother, younger);
        Api.guardianship(mother, older);

        as(TestTokens.parent(mother, schoolA)).get(BASE + "/me").then().statusCode(200)
                .body("profile.id", is(mother.toString()))
                .body("profile.email", is("claire.petit@example.org"))
                .body("profile.schoolIds", containsInAnyOrder(schoolA.toString(), schoolB.toString()))
                .body("children.person.id", containsInAnyOrder(younger.toString(), older.toString()))
                .body("children.find { it.person.id == '" + older + "' }.currentEnrolments[0].classId", is(classB.toString()))
                .body("children[0].guardianship.receivesCommunications", is(true));

        as(admin()).get(BASE + "/people/" + younger + "/guardians").then().statusCode(200)
                .body("person.id", containsInAnyOrder(mother.toString()))
                .body("[0].guardianship.legalResponsibility", is(true));
    }

    @Test
    void a_teacher_in_two_schools_sees_their_classes_on_their_profile() {
        UUID schoolA = Api.school("Collège T1");
        UUID schoolB = Api.school("Collège T2");
        UUID classA = Api.classGroup(schoolA, "CLASS", "3A");
        UUID groupB = Api.classGroup(schoolB, "GROUP", "ESP-3");
        UUID teacher = Api.person("TEACHER", "Marc", "Lenoir", "marc.lenoir@example.org", schoolA);
        Api.assignment(teacher, classA, Api.subject(schoolA, "MATHS"));
        UUID spanish = Api.subject(schoolB, "ESPAGNOL");
        UUID second = Api.assignment(teacher, groupB, spanish);

        as(TestTokens.teacher(teacher, schoolA)).get(BASE + "/me").then().statusCode(200)
                .body("profile.schoolIds", containsInAnyOrder(schoolA.toString(), schoolB.toString()))
                .body("teaching.classGroupId", containsInAnyOrder(classA.toString(), groupB.toString()))
                .body("teaching.subject", containsInAnyOrder("MATHS", "ESPAGNOL"));

        as(admin()).delete(BASE + "/teaching-assignments/" + second).then().statusCode(204);
        as(TestTokens.teacher(teacher, schoolA)).get(BASE + "/me").then().body("teaching", hasSize(1));
        TopicReader.await("ent.identity", 1, r -> second.toString().equals(r.key())
                && "fr.ent.identity.teaching-assignment-ended.v1".equals(r.type()));
    }

    @Test
    void a_disabled_person_is_published_inactive() throws Exception {
        UUID school = Api.school("Collège Départ");
        UUID teacher = Api.person("TEACHER", "Jean", "Départ", null, school);
        as(admin()).post(BASE + "/people/" + teacher + "/disable").then().statusCode(200).body("active", is(false)).body("version", is(2));
        List<TopicReader.Event> events = TopicReader.await("ent.identity", 2, r -> teacher.toString().equals(r.key()));
        JsonNode last = JSON.readTree(events.get(events.size() - 1).value());
        assertThat(last.path("active").asBoolean()).isFalse();
        assertThat(last.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void lists_are_paged() {
        UUID school = Api.school("Collège Pages");
        for (int i = 0; i < 3; i++) Api.person("TEACHER", "Prof" + i, "Page", null, school);
        as(admin()).get(BASE + "/people?schoolId=" + school + "&size=2&page=1").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(3)).body("page", is(1)).body("size", is(2));
        as(TestTokens.staff(UUID.randomUUID(), school)).get(BASE + "/people?role=TEACHER").then().statusCode(200)
                .body("total", equalTo(3));
    }
}
