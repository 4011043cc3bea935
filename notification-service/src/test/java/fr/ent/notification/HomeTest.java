package fr.ent.notification;

import fr.ent.events.contract.attendance.AbsenceCancelled;
import fr.ent.events.contract.attendance.AbsenceJustified;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.events.contract.attendance.LatenessRecorded;
import fr.ent.events.contract.grades.MarkChanged;
import fr.ent.events.contract.grades.MarksPublished;
import fr.ent.events.contract.homework.WorkDueReminder;
import fr.ent.events.contract.homework.WorkSet;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.messaging.BroadcastToAcknowledge;
import fr.ent.events.contract.messaging.MessageReceived;
import fr.ent.notification.home.HomeRetention;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The home in one call (GET /api/notification/home): events in as the services publish them, the
 * home out; marks never before grades-service's times (the platform clock moved by the test);
 * replays change nothing; a parent of two children in two schools; a separated parent; only one's
 * own children, and only while the guardianship and the enrolment last.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class HomeTest extends NotificationScenario {

    private static final LocalDate TUESDAY = TUESDAY_10H.toLocalDate();

    @Inject
    HomeRetention retention;

    /** Léa in 4e B, her mother Sophie and her father Marc (separated: each has an account). */
    private record Dubois(UUID school, UUID classId, UUID lea, UUID sophie, UUID marc, GuardianshipUpserted marcOfLea,
                          EnrolmentUpserted leaEnrolment) {
    }

    private Dubois dubois() {
        SchoolWorld world = new SchoolWorld();
        SchoolWorld.School school = world.school("Collège Jean Moulin " + UUID.randomUUID().toString().substring(0, 4));
        UUID classId = school.classGroup("4e B", "4EME");
        Person lea = school.pupilWithoutClass("Léa", "Dubois");
        EnrolmentUpserted enrolment = DirectoryEvents.enrolment(lea.id(), school.id(), classId, LocalDate.of(2026, 9, 1), null);
        Person sophie = school.guardian(lea, "Sophie", "Dubois");
        UUID marc = UUID.randomUUID();
        GuardianshipUpserted marcOfLea = DirectoryEvents.guardianship(marc, lea.id(), true);
        world.add(enrolment).add(DirectoryEvents.parent(marc, "Marc", "Dubois", school.id())).add(marcOfLea).publish();
        await().atMost(Duration.ofSeconds(120)).until(() -> directory.guardiansReceivingCommunications(lea.id()).size() == 2
                && directory.classOf(lea.id(), TUESDAY).isPresent() && directory.classGroup(classId).isPresent());
        return new Dubois(school.id(), classId, lea.id(), sophie.id(), marc, marcOfLea, enrolment);
    }

    private static JsonPath home(String token) {
        return given().auth().oauth2(token).get("/api/notification/home").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitHome(String token, Predicate<JsonPath> until) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> home(token), until);
    }

    private static String parent(UUID person, UUID school) {
        return TestTokens.parent(person, school);
    }

    private static WorkSet work(Dubois d, String subject, String kind, LocalDate dueOn, ZonedDateTime visibleFrom) {
        return new WorkSet(UUID.randomUUID(), d.school(), d.classId(), subject, UUID.randomUUID(), kind, dueOn,
                at(dueOn.atTime(8, 0).atZone(PARIS)), List.of(d.lea()), at(visibleFrom));
    }

    @Test
    void a_guardian_sees_work_due_marks_once_visible_to_guardians_and_absences_until_justified() {
        Dubois d = dubois();
        WorkSet tomorrow = work(d, "MATHS", "EXERCISE", TUESDAY.plusDays(1), TUESDAY_10H.minusHours(1));
        TopicWriter.publish(tomorrow.workId().toString(), tomorrow, d.school());
        WorkSet notYetVisible = work(d, "FRANCAIS", "READING", TUESDAY.plusDays(2), TUESDAY_10H.plusDays(1));
        TopicWriter.publish(notYetVisible.workId().toString(), notYetVisible, d.school());
        WorkSet farAhead = work(d, "SVT", "HAND_IN", TUESDAY.plusDays(20), TUESDAY_10H.minusHours(1));
        TopicWriter.publish(farAhead.workId().toString(), farAhead, d.school());
        UUID assessment = UUID.randomUUID();
        ZonedDateTime guardiansAt = TUESDAY_10H.plusDays(1).withHour(0);
        TopicWriter.publish(assessment.toString(), new MarksPublished(assessment, d.school(), d.classId(), UUID.randomUUID(),
                "MATHS", UUID.randomUUID(), LocalDate.of(2026, 11, 23), List.of(d.lea()), at(TUESDAY_10H.minusHours(1)),
                at(TUESDAY_10H.minusHours(1)), at(guardiansAt)), d.school());
        AbsenceRecorded monday = new AbsenceRecorded(UUID.randomUUID(), d.lea(), d.school(), d.classId(),
                at(TUESDAY_10H.minusDays(1).withHour(8)), at(TUESDAY_10H.minusDays(1).withHour(10)), null, false);
        AbsenceRecorded mistaken = new AbsenceRecorded(UUID.randomUUID(), d.lea(), d.school(), d.classId(),
                at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)), null, false);
        UUID lateness = UUID.randomUUID();
        for (Object event : List.of(monday, mistaken, new LatenessRecorded(lateness, d.lea(), d.school(), d.classId(), TUESDAY, 5, null),
                new AbsenceCancelled(mistaken.absenceId(), d.lea(), d.school()))) {
            TopicWriter.publish(d.lea().toString(), event, d.school());
        }

        JsonPath sophie = awaitHome(parent(d.sophie(), d.school()), j -> j.getList("children[0].absencesToJustify").size() == 2
                && j.getList("children[0].workDue").size() == 1);
        assertThat(sophie.getList("children.firstName", String.class)).containsExactly("Léa");
        assertThat(sophie.getString("children[0].schoolId")).isEqualTo(d.school().toString());
        assertThat(sophie.getString("children[0].workDue[0].workId")).isEqualTo(tomorrow.workId().toString());
        assertThat(sophie.getString("children[0].workDue[0].text")).isEqualTo("Un travail de mathématiques pour demain.");
        assertThat(sophie.getString("children[0].workDue[0].dueOn")).isEqualTo("2026-11-25");
        assertThat(sophie.getList("children[0].absencesToJustify.id", String.class))
                .containsExactly(monday.absenceId().toString(), lateness.toString());
        assertThat(sophie.getString("children[0].absencesToJustify[1].date")).isEqualTo("2026-11-24");
        assertThat(sophie.getInt("children[0].absencesToJustify[1].lateMinutes")).isEqualTo(5);
        // the mark: the pupil sees it now, her guardians only from guardiansVisibleAt
        assertThat(sophie.getList("children[0].latestMarks")).isEmpty();
        // the marks come on another topic than the absences awaited above: wait for them too
        JsonPath lea = awaitHome(TestTokens.pupil(d.lea(), d.school()), j -> !j.getList("children[0].latestMarks").isEmpty());
        assertThat(lea.getList("children.id", String.class)).containsExactly(d.lea().toString());
        assertThat(lea.getString("children[0].latestMarks[0].text")).isEqualTo("Nouvelle note en mathématiques (devoir du 23 novembre)");
        assertThat(lea.getString("children[0].latestMarks[0].link")).isEqualTo("/notes");

        TopicWriter.publish(d.lea().toString(), new AbsenceJustified(monday.absenceId(), d.lea(), d.school(), true), d.school());
        awaitHome(parent(d.sophie(), d.school()), j -> j.getList("children[0].absencesToJustify").size() == 1);

        clock.set(guardiansAt.plusSeconds(1).toInstant());
        JsonPath later = home(parent(d.marc(), d.school()));
        assertThat(later.getString("children[0].latestMarks[0].text")).isEqualTo("Nouvelle note en mathématiques (devoir du 23 novembre)");
        assertThat(later.getString("children[0].latestMarks[0].link")).isEqualTo("/notes/" + d.lea());
        assertThat(later.getList("children[0].absencesToJustify.id", String.class)).containsExactly(lateness.toString());

        // an event that names its assessment: the home names it as the notice does
        UUID titled = UUID.randomUUID();
        TopicWriter.publish(titled.toString(), new MarksPublished(titled, d.school(), d.classId(), UUID.randomUUID(),
                "MATHS", UUID.randomUUID(), LocalDate.of(2026, 11, 24), List.of(d.lea()), at(guardiansAt),
                at(guardiansAt), at(guardiansAt), "Contrôle chapitre 3"), d.school());
        JsonPath named = awaitHome(parent(d.marc(), d.school()), j -> j.getList("children[0].latestMarks").size() == 2);
        assertThat(named.getString("children[0].latestMarks[0].text")).isEqualTo("Nouvelle note en mathématiques : Contrôle chapitre 3");
    }

    @Test
    void replayed_events_change_nothing_and_a_cancelled_absence_never_comes_back() {
        Dubois d = dubois();
        WorkSet set = work(d, "MATHS", "EXERCISE", TUESDAY.plusDays(1), TUESDAY_10H.minusHours(1));
        UUID setEvent = UUID.randomUUID();
        TopicWriter.publish(setEvent, set.workId().toString(), set, d.school());
        TopicWriter.publish(setEvent, set.workId().toString(), set, d.school());
        // the same work told again under another event id (republished): still one line
        TopicWriter.publish(set.workId().toString(), set, d.school());
        UUID assessment = UUID.randomUUID();
        MarkChanged changed = new MarkChanged(assessment, d.school(), d.classId(), d.lea(), "FRANCAIS", at(TUESDAY_10H.minusHours(2)),
                at(TUESDAY_10H.minusHours(2)), at(TUESDAY_10H.minusHours(2)));
        TopicWriter.publish(assessment.toString(), changed, d.school());
        TopicWriter.publish(assessment.toString(), changed, d.school());
        AbsenceRecorded absence = new AbsenceRecorded(UUID.randomUUID(), d.lea(), d.school(), d.classId(),
                at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)), null, false);
        TopicWriter.publish(d.lea().toString(), absence, d.school());
        TopicWriter.publish(d.lea().toString(), new AbsenceCancelled(absence.absenceId(), d.lea(), d.school()), d.school());
        TopicWriter.publish(d.lea().toString(), absence, d.school());
        // the reminder names the pupils who have not ticked the work done: Léa is not among them
        TopicWriter.publish(set.workId().toString(), new WorkDueReminder(set.workId(), d.school(), d.classId(), "MATHS", "EXERCISE",
                set.dueOn(), List.of()), d.school());
        // a marker event published last on each topic: once it shows, everything before it was handled
        UUID marker = UUID.randomUUID();
        TopicWriter.publish(marker.toString(), new MarkChanged(marker, d.school(), d.classId(), d.lea(), "SVT", at(TUESDAY_10H.minusHours(1)),
                at(TUESDAY_10H.minusHours(1)), at(TUESDAY_10H.minusHours(1))), d.school());
        LatenessRecorded late = new LatenessRecorded(UUID.randomUUID(), d.lea(), d.school(), d.classId(), TUESDAY, 3, null);
        TopicWriter.publish(d.lea().toString(), late, d.school());

        JsonPath home = awaitHome(parent(d.sophie(), d.school()), j -> j.getList("children[0].latestMarks").size() == 2
                && j.getList("children[0].absencesToJustify").size() == 1 && j.getBoolean("children[0].workDue[0].done"));
        assertThat(home.getList("children[0].workDue")).hasSize(1);
        assertThat(home.getList("children[0].latestMarks.text", String.class))
                .containsExactly("Note modifiée en SVT", "Note modifiée en français");
        assertThat(home.getList("children[0].absencesToJustify.id", String.class)).containsExactly(late.latenessId().toString());

        // four months on, the retention has emptied what no home shows any more
        clock.set(TUESDAY_10H.plusDays(120).toInstant());
        assertThat(retention.purge()).isGreaterThanOrEqualTo(4);
        JsonPath later = home(parent(d.sophie(), d.school()));
        assertThat(later.getList("children[0].workDue")).isEmpty();
        assertThat(later.getList("children[0].latestMarks")).isEmpty();
        assertThat(later.getList("children[0].absencesToJustify")).isEmpty();
    }

    @Test
    void a_parent_of_two_children_in_two_schools_sees_both_each_with_its_school_and_not_after_an_enrolment_ends() {
        SchoolWorld world = new SchoolWorld();
        SchoolWorld.School college = world.school("Collège Victor Hugo " + UUID.randomUUID().toString().substring(0, 4));
        SchoolWorld.School lycee = world.school("Lycée Jean Jaurès " + UUID.randomUUID().toString().substring(0, 4));
        UUID classA = college.classGroup("5e A", "5EME");
        UUID classB = lycee.classGroup("2nde 3", "2NDE");
        Person ines = college.pupil("Inès", "Haddad", classA);
        Person yanis = lycee.pupilWithoutClass("Yanis", "Haddad");
        EnrolmentUpserted yanisEnrolment = DirectoryEvents.enrolment(yanis.id(), lycee.id(), classB, LocalDate.of(2026, 9, 1), null);
        Person nadia = college.guardian(ines, "Nadia", "Haddad");
        world.add(yanisEnrolment).add(DirectoryEvents.guardianship(nadia.id(), yanis.id(), true)).publish();
        await().atMost(Duration.ofSeconds(120)).until(() -> directory.childrenOf(nadia.id()).size() == 2
                && directory.classOf(yanis.id(), TUESDAY).isPresent() && directory.classOf(ines.id(), TUESDAY).isPresent());
        WorkSet inesWork = new WorkSet(UUID.randomUUID(), college.id(), classA, "ANGLAIS", UUID.randomUUID(), "READING", TUESDAY.plusDays(3),
                at(TUESDAY_10H.plusDays(3)), List.of(ines.id()), at(TUESDAY_10H.minusHours(1)));
        WorkSet yanisWork = new WorkSet(UUID.randomUUID(), lycee.id(), classB, "PHYS-CHI", UUID.randomUUID(), "TEST_REVISION", TUESDAY.plusDays(1),
                at(TUESDAY_10H.plusDays(1)), List.of(yanis.id()), at(TUESDAY_10H.minusHours(1)));
        TopicWriter.publish(inesWork.workId().toString(), inesWork, college.id());
        TopicWriter.publish(yanisWork.workId().toString(), yanisWork, lycee.id());

        JsonPath home = awaitHome(parent(nadia.id(), college.id()), j -> j.getList("children").size() == 2
                && j.getList("children.workDue.flatten()").size() == 2);
        assertThat(home.getList("children.firstName", String.class)).containsExactly("Inès", "Yanis");
        assertThat(home.getList("children.schoolId", String.class)).containsExactly(college.id().toString(), lycee.id().toString());
        assertThat(home.getString("children[0].workDue[0].text")).isEqualTo("Une lecture d'anglais pour le vendredi 27 novembre.");
        assertThat(home.getString("children[1].workDue[0].text")).isEqualTo("Une révision de contrôle de physique-chimie pour demain.");

        // Yanis leaves the lycée: his block goes
        new SchoolWorld().add(DirectoryEvents.withdrawn(yanisEnrolment)).publish();
        JsonPath after = awaitHome(parent(nadia.id(), college.id()), j -> j.getList("children").size() == 1);
        assertThat(after.getList("children.firstName", String.class)).containsExactly("Inès");
    }

    @Test
    void a_separated_parent_sees_the_child_and_only_their_own_messages_until_the_guardianship_ends() {
        Dubois d = dubois();
        UUID teacher = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID broadcast = UUID.randomUUID();
        TopicWriter.publish(d.sophie().toString(), new MessageReceived(first, UUID.randomUUID(), d.school(), d.sophie(), teacher,
                "TEACHER", at(TUESDAY_10H.minusHours(1))), d.school());
        TopicWriter.publish(d.sophie().toString(), new MessageReceived(second, UUID.randomUUID(), d.school(), d.sophie(), teacher,
                "TEACHER", at(TUESDAY_10H.minusMinutes(30))), d.school());
        TopicWriter.publish(d.marc().toString(), new BroadcastToAcknowledge(broadcast, d.school(), d.marc(), teacher, false,
                at(TUESDAY_10H.minusHours(3))), d.school());
        TopicWriter.publish(d.marc().toString(), new BroadcastToAcknowledge(broadcast, d.school(), d.marc(), teacher, true,
                at(TUESDAY_10H.minusHours(2))), d.school());

        JsonPath sophie = awaitHome(parent(d.sophie(), d.school()), j -> j.getLong("unreadMessages") == 2);
        assertThat(sophie.getLong("broadcastsToAcknowledge")).isZero();
        assertThat(sophie.getLong("unreadNotifications")).isGreaterThanOrEqualTo(2);
        JsonPath marc = awaitHome(parent(d.marc(), d.school()), j -> j.getLong("broadcastsToAcknowledge") == 1);
        assertThat(marc.getLong("unreadMessages")).isZero();
        assertThat(marc.getList("children.firstName", String.class)).containsExactly("Léa");

        // Sophie reads the notification of the first message: one unread message left
        String id = given().auth().oauth2(parent(d.sophie(), d.school())).get("/api/notification/inbox?size=100")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.link == '/messagerie/messages/" + first + "' }.id");
        given().auth().oauth2(parent(d.sophie(), d.school())).post("/api/notification/inbox/" + id + "/read").then().statusCode(204);
        assertThat(home(parent(d.sophie(), d.school())).getLong("unreadMessages")).isEqualTo(1);

        new SchoolWorld().add(DirectoryEvents.ended(d.marcOfLea())).publish();
        awaitHome(parent(d.marc(), d.school()), j -> j.getList("children").isEmpty());
        assertThat(home(parent(d.sophie(), d.school())).getList("children.firstName", String.class)).containsExactly("Léa");
    }

    @Test
    void only_ones_own_children_and_a_persons_token() {
        Dubois d = dubois();
        Dubois other = dubois();
        WorkSet set = work(d, "MATHS", "EXERCISE", TUESDAY.plusDays(1), TUESDAY_10H.minusHours(1));
        TopicWriter.publish(set.workId().toString(), set, d.school());
        awaitHome(parent(d.sophie(), d.school()), j -> j.getList("children[0].workDue").size() == 1);

        // another family of the same kind: their own child only, nothing of Léa's
        JsonPath others = home(parent(other.sophie(), d.school()));
        assertThat(others.getList("children.id", String.class)).containsExactly(other.lea().toString());
        assertThat(others.getList("children[0].workDue")).isEmpty();
        // a parent token naming Léa's school, for someone who is not her guardian
        assertThat(home(parent(UUID.randomUUID(), d.school())).getList("children")).isEmpty();
        // a pupil sees themselves, never a classmate; a teacher of the school has no block
        assertThat(home(TestTokens.pupil(other.lea(), d.school())).getList("children.id", String.class))
                .containsExactly(other.lea().toString());
        assertThat(home(TestTokens.teacher(UUID.randomUUID(), d.school())).getList("children")).isEmpty();
        // a pupil token claiming to be a guardian gets no children (the role matters, not only the relationship)
        assertThat(home(TestTokens.person(d.sophie()).roles("pupil").schools(d.school()).sign()).getList("children")).isEmpty();

        given().get("/api/notification/home").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired()).get("/api/notification/home").then().statusCode(401);
        given().auth().oauth2(TestTokens.tampered()).get("/api/notification/home").then().statusCode(401);
        given().auth().oauth2(TestTokens.service("timetable-service")).get("/api/notification/home").then().statusCode(403);
        given().auth().oauth2(TestTokens.platformAdmin()).get("/api/notification/home").then().statusCode(403);
    }
}
