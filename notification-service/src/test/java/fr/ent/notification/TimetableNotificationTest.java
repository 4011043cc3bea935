package fr.ent.notification;

import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.events.contract.timetable.TeacherAbsenceConfirmed;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.Smtp;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timetable events published on ent.timetable as timetable-service publishes them: a change of
 * the next 7 days reaches the pupils of the classes and groups concerned, each of their guardians
 * once, and the teachers; a confirmed teacher's absence gives one notice per child and per day.
 * The clock is on Tuesday 24 November 2026, 10:00.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class TimetableNotificationTest extends NotificationScenario {

    static final LocalDate TUESDAY = TUESDAY_10H.toLocalDate();
    static final LocalDate WEDNESDAY = TUESDAY.plusDays(1);
    static final LocalDate THURSDAY = TUESDAY.plusDays(2);

    UUID school;
    String schoolName;
    UUID classA;
    UUID classB;
    UUID latin;
    UUID lea;
    UUID leaMother;
    UUID leaFather;
    String leaMotherEmail;
    UUID hugo;
    UUID hugoGuardian;
    UUID zoeGuardian;
    UUID tom;
    UUID tomGuardian;
    UUID teacher;
    UUID colleague;

    @BeforeEach
    void school() {
        SchoolWorld world = new SchoolWorld();
        schoolName = "Collège Jean Moulin " + UUID.randomUUID().toString().substring(0, 4);
        SchoolWorld.School s = world.school(schoolName);
        school = s.id();
        classA = s.classGroup("4e A", "4EME");
        classB = s.classGroup("4e B", "4EME");
        latin = s.group("Latin 4e", "4EME");
        // Léa's parents live apart: both receive the school's communications
        Person léa = s.pupil("Léa", "Durand", classA, latin);
        Person mother = s.guardian(léa, "Claire", "Durand");
        Person father = s.guardian(léa, "Paul", "Morel");
        Person hugoP = s.pupil("Hugo", "Petit", classA);
        Person hugoG = s.guardian(hugoP, "Inès", "Petit");
        Person zoe = s.pupil("Zoé", "Bernard", classB);
        Person zoeG = s.guardian(zoe, "Marc", "Bernard");
        // Tom is in 4e B but learns Latin with 4e A's group
        Person tomP = s.pupil("Tom", "Roux", classB, latin);
        Person tomG = s.guardian(tomP, "Léo", "Roux");
        Person anne = s.teacher("Anne", "Martin");
        s.teaches(anne, classA, "Mathématiques");
        Person other = s.teacher("Bruno", "Colin");
        s.teaches(other, classA, "Histoire");
        lea = léa.id();
        leaMother = mother.id();
        leaFather = father.id();
        hugo = hugoP.id();
        hugoGuardian = hugoG.id();
        zoeGuardian = zoeG.id();
        tom = tomP.id();
        tomGuardian = tomG.id();
        teacher = anne.id();
        colleague = other.id();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        leaMotherEmail = "mere." + tag + "@famille.example";
        world.contact(mother, leaMotherEmail).contact(father, "pere." + tag + "@famille.example").publish();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                directory.guardiansReceivingCommunications(lea).size() == 2
                        && directory.guardiansReceivingCommunications(tom).size() == 1
                        && directory.person(teacher).isPresent()
                        && directory.school(school).isPresent()
                        && contacts.emailOf(leaMother).isPresent());
    }

    LessonChanged change(UUID lesson, LessonChangeKind kind, LocalDate planned, LocalTime plannedAt, LocalDate date,
                         LocalTime at, String subject, List<UUID> classes, List<UUID> groups, UUID absenceId) {
        return new LessonChanged(lesson + "_" + planned, lesson, school, kind, planned, plannedAt, date, at,
                at.plusMinutes(55), subject, classes, groups,
                kind == LessonChangeKind.SUBSTITUTE ? List.of(colleague) : List.of(teacher), List.of(teacher),
                null, null, absenceId, null);
    }

    static JsonPath inboxOf(UUID person, UUID school) {
        return given().auth().oauth2(TestTokens.parent(person, school)).get("/api/notification/inbox?size=50")
                .then().statusCode(200).extract().jsonPath();
    }

    List<String> bodies(UUID person) {
        return inboxOf(person, school).getList("items.body");
    }

    @Test
    void tomorrows_cancelled_lesson_reaches_the_class_families_once_each_and_its_teacher_not_the_other_class() throws Exception {
        UUID lesson = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        LessonChanged cancelled = change(lesson, LessonChangeKind.CANCELLED, WEDNESDAY, LocalTime.of(10, 0), WEDNESDAY,
                LocalTime.of(10, 0), "Mathématiques", List.of(classA), List.of(), null);
        TopicWriter.publish(eventId, lesson.toString(), cancelled, school);
        TopicWriter.publish(eventId, lesson.toString(), cancelled, school); // redelivery

        String text = "Cours de mathématiques de demain 10h annulé.";
        for (UUID person : List.of(leaMother, leaFather, lea, hugoGuardian, hugo, teacher)) {
            JsonPath inbox = awaitInbox(person, school, 1);
            assertThat(inbox.getList("items.body")).as("inbox of %s", person).containsExactly(text);
            assertThat(inbox.getString("items[0].type")).isEqualTo("timetable-change");
        }
        assertThat(inboxOf(leaMother, school).getString("items[0].title")).isEqualTo("Emploi du temps de Léa");
        assertThat(inboxOf(leaMother, school).getString("items[0].child.id")).isEqualTo(lea.toString());
        Smtp.Mail mail = Smtp.shared().awaitMessages(1, m -> m.to().contains(leaMotherEmail), Duration.ofSeconds(60)).get(0);
        assertThat(mail.subject()).isEqualTo(schoolName + " : Emploi du temps de Léa");
        assertThat(mail.text()).contains(text);

        // a later change of the same lesson (same key: handled after) shows the others were left alone
        LessonChanged room = change(lesson, LessonChangeKind.ROOM_CHANGED, THURSDAY, LocalTime.of(8, 0), THURSDAY,
                LocalTime.of(8, 0), "Mathématiques", List.of(classA), List.of(), null);
        TopicWriter.publish(lesson.toString(), room, school);
        awaitInbox(leaMother, school, 2);
        assertThat(bodies(leaMother)).containsExactly("Cours de mathématiques du jeudi 26 novembre 8h : changement de salle.", text);
        assertThat(bodies(zoeGuardian)).isEmpty();
        assertThat(bodies(tomGuardian)).isEmpty();
        assertThat(bodies(colleague)).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Smtp.shared().messagesTo(leaMotherEmail)).hasSize(2));
    }

    @Test
    void a_group_lesson_moved_reaches_the_groups_pupils_of_other_classes_and_a_substitute_is_named_as_such() {
        UUID lesson = UUID.randomUUID();
        TopicWriter.publish(lesson.toString(), change(lesson, LessonChangeKind.MOVED, THURSDAY, LocalTime.of(10, 0),
                THURSDAY.plusDays(1), LocalTime.of(14, 0), "Latin", List.of(), List.of(latin), null), school);
        String moved = "Cours de latin du jeudi 26 novembre 10h déplacé au vendredi 27 novembre 14h.";
        assertThat(awaitInbox(tomGuardian, school, 1).getList("items.body")).containsExactly(moved);
        assertThat(awaitInbox(leaFather, school, 1).getList("items.body")).containsExactly(moved);
        UUID other = UUID.randomUUID();
        TopicWriter.publish(other.toString(), change(other, LessonChangeKind.SUBSTITUTE, TUESDAY, LocalTime.of(15, 30),
                TUESDAY, LocalTime.of(15, 30), "Histoire", List.of(classB), List.of(), null), school);
        assertThat(awaitInbox(zoeGuardian, school, 1).getList("items.body"))
                .containsExactly("Cours d'histoire d'aujourd'hui 15h30 assuré par un remplaçant.");
        assertThat(awaitInbox(colleague, school, 1).getList("items.body")).hasSize(1);
        assertThat(bodies(hugoGuardian)).isEmpty();
    }

    @Test
    void beyond_seven_days_or_made_by_an_absence_a_change_is_not_told_on_its_own() {
        UUID lesson = UUID.randomUUID();
        LocalDate far = TUESDAY.plusDays(8);
        TopicWriter.publish(lesson.toString(), change(lesson, LessonChangeKind.CANCELLED, far, LocalTime.of(9, 0), far,
                LocalTime.of(9, 0), "Mathématiques", List.of(classA), List.of(), null), school);
        TopicWriter.publish(lesson.toString(), change(lesson, LessonChangeKind.CANCELLED, WEDNESDAY, LocalTime.of(9, 0),
                WEDNESDAY, LocalTime.of(9, 0), "Mathématiques", List.of(classA), List.of(), UUID.randomUUID()), school);
        LocalDate lastDay = TUESDAY.plusDays(7);
        TopicWriter.publish(lesson.toString(), change(lesson, LessonChangeKind.CANCELLED, lastDay, LocalTime.of(9, 0),
                lastDay, LocalTime.of(9, 0), "Mathématiques", List.of(classA), List.of(), null), school);
        // the third (same key, so handled last) is within the window: it is the only one told
        assertThat(awaitInbox(leaMother, school, 1).getList("items.body"))
                .containsExactly("Cours de mathématiques du mardi 1 décembre 9h annulé.");
        assertThat(awaitInbox(hugo, school, 1).getList("items")).hasSize(1);
    }

    TeacherAbsenceConfirmed.Occurrence occurrence(LocalDate day, int hour, String subject, List<UUID> classes,
                                                  List<UUID> groups, TeacherAbsenceConfirmed.Outcome outcome) {
        UUID lesson = UUID.randomUUID();
        return new TeacherAbsenceConfirmed.Occurrence(lesson + "_" + day, lesson, day, LocalTime.of(hour, 0),
                LocalTime.of(hour, 55), subject, classes, groups, outcome,
                outcome == TeacherAbsenceConfirmed.Outcome.SUBSTITUTE ? colleague : null);
    }

    @Test
    void a_teachers_absence_gives_one_notice_per_child_and_per_day_once_even_redelivered() throws Exception {
        var cancelled = TeacherAbsenceConfirmed.Outcome.CANCELLED;
        List<TeacherAbsenceConfirmed.Occurrence> lessons = new ArrayList<>();
        // Wednesday: 6 lessons of 4e A, the 15h one for the Latin group only
        for (int hour : new int[]{8, 9, 10, 11, 14}) {
            lessons.add(occurrence(WEDNESDAY, hour, "Mathématiques", List.of(classA), List.of(), cancelled));
        }
        lessons.add(occurrence(WEDNESDAY, 15, "Latin", List.of(), List.of(latin), TeacherAbsenceConfirmed.Outcome.SUBSTITUTE));
        lessons.add(occurrence(THURSDAY, 10, "Mathématiques", List.of(classA), List.of(), cancelled));
        lessons.add(occurrence(TUESDAY.plusDays(9), 10, "Mathématiques", List.of(classA), List.of(), cancelled));
        UUID absenceId = UUID.randomUUID();
        TeacherAbsenceConfirmed absence = new TeacherAbsenceConfirmed(absenceId, school, teacher,
                WEDNESDAY.atStartOfDay(PARIS).toOffsetDateTime(), TUESDAY.plusDays(10).atStartOfDay(PARIS).toOffsetDateTime(),
                lessons);
        UUID eventId = UUID.randomUUID();
        TopicWriter.publish(eventId, teacher.toString(), absence, school);
        TopicWriter.publish(eventId, teacher.toString(), absence, school); // redelivery

        String wednesday = "Absence d'Anne Martin demain : mathématiques 8h, 9h, 10h, 11h et 14h annulées, latin 15h assurée par un remplaçant.";
        String thursday = "Absence d'Anne Martin le jeudi 26 novembre : mathématiques 10h annulée.";
        for (UUID person : List.of(leaMother, leaFather, lea)) {
            assertThat(awaitInbox(person, school, 2).getList("items.body")).as("inbox of %s", person)
                    .containsExactlyInAnyOrder(wednesday, thursday);
        }
        assertThat(awaitInbox(hugoGuardian, school, 2).getList("items.body")).containsExactlyInAnyOrder(
                "Absence d'Anne Martin demain : mathématiques 8h, 9h, 10h, 11h et 14h annulées.", thursday);
        assertThat(awaitInbox(tomGuardian, school, 1).getList("items.body"))
                .containsExactly("Absence d'Anne Martin demain : latin 15h assurée par un remplaçant.");
        assertThat(inboxOf(leaMother, school).getList("items.type")).containsOnly("teacher-absence");
        Smtp.shared().awaitMessages(2, m -> m.to().contains(leaMotherEmail), Duration.ofSeconds(60));

        // handled once: a later event of the same teacher (same key) comes after, and nothing doubled
        TeacherAbsenceConfirmed next = new TeacherAbsenceConfirmed(UUID.randomUUID(), school, teacher,
                TUESDAY.atStartOfDay(PARIS).toOffsetDateTime(), WEDNESDAY.atStartOfDay(PARIS).toOffsetDateTime(),
                List.of(occurrence(TUESDAY, 16, "Histoire", List.of(classB), List.of(), cancelled)));
        TopicWriter.publish(teacher.toString(), next, school);
        awaitInbox(zoeGuardian, school, 1);
        assertThat(bodies(leaMother)).hasSize(2);
        assertThat(bodies(hugoGuardian)).hasSize(2);
        // Tom is in 4e B: he hears of today's history lesson too, once
        assertThat(bodies(tomGuardian)).containsExactlyInAnyOrder(
                "Absence d'Anne Martin aujourd'hui : histoire 16h annulée.",
                "Absence d'Anne Martin demain : latin 15h assurée par un remplaçant.");
        assertThat(bodies(teacher)).isEmpty();
        assertThat(bodies(colleague)).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Smtp.shared().messagesTo(leaMotherEmail)).hasSize(2));
    }

    @Test
    void the_new_types_are_listed_with_their_defaults() {
        JsonPath prefs = given().auth().oauth2(TestTokens.parent(leaMother, school)).get("/api/notification/preferences")
                .then().statusCode(200).extract().jsonPath();
        assertThat(prefs.getList("type")).contains("timetable-change", "teacher-absence");
    }
}
