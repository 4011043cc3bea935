package fr.ent.directory;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.events.contract.identity.PersonUpserted;
import fr.ent.events.contract.identity.SchoolUpserted;
import fr.ent.events.contract.identity.TeachingAssignmentUpserted;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static fr.ent.testkit.DirectoryEvents.classGroup;
import static fr.ent.testkit.DirectoryEvents.disabled;
import static fr.ent.testkit.DirectoryEvents.ended;
import static fr.ent.testkit.DirectoryEvents.endingOn;
import static fr.ent.testkit.DirectoryEvents.enrolment;
import static fr.ent.testkit.DirectoryEvents.erased;
import static fr.ent.testkit.DirectoryEvents.event;
import static fr.ent.testkit.DirectoryEvents.group;
import static fr.ent.testkit.DirectoryEvents.guardianship;
import static fr.ent.testkit.DirectoryEvents.headTeacher;
import static fr.ent.testkit.DirectoryEvents.headTeaching;
import static fr.ent.testkit.DirectoryEvents.inspector;
import static fr.ent.testkit.DirectoryEvents.nextVersion;
import static fr.ent.testkit.DirectoryEvents.parent;
import static fr.ent.testkit.DirectoryEvents.pupil;
import static fr.ent.testkit.DirectoryEvents.school;
import static fr.ent.testkit.DirectoryEvents.staff;
import static fr.ent.testkit.DirectoryEvents.teacher;
import static fr.ent.testkit.DirectoryEvents.teaching;
import static fr.ent.testkit.DirectoryEvents.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events in, answers out: the projection applied directly, as the idempotent consumer would. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class DirectoryProjectionTest {

    static final LocalDate SEPTEMBER_1 = LocalDate.of(2026, 9, 1);
    static final LocalDate JANUARY_15 = LocalDate.of(2027, 1, 15);
    static final LocalDate JANUARY_31 = LocalDate.of(2027, 1, 31);
    static final LocalDate FEBRUARY_1 = LocalDate.of(2027, 2, 1);
    static final LocalDate MARCH_10 = LocalDate.of(2027, 3, 10);

    @Inject
    DirectoryProjection projection;

    @Inject
    Directory directory;

    final UUID collegeId = UUID.randomUUID();
    final UUID lyceeId = UUID.randomUUID();

    private List<IncomingEvent> applyAll(IdentityEvent... payloads) {
        List<IncomingEvent> events = new ArrayList<>();
        for (IdentityEvent payload : payloads) {
            IncomingEvent event = event(payload);
            assertThat(projection.apply(event)).as("first delivery of %s changes the projection", payload).isTrue();
            events.add(event);
        }
        return events;
    }

    @Test
    void a_parent_with_two_children_in_two_schools_sees_both() {
        UUID parent = UUID.randomUUID(), lea = UUID.randomUUID(), hugo = UUID.randomUUID();
        UUID fourthB = UUID.randomUUID(), secondA = UUID.randomUUID();
        applyAll(school(collegeId, "Collège Victor Hugo"), school(lyceeId, "Lycée Kléber"),
                parent(parent, "Claire", "Martin", collegeId, lyceeId),
                pupil(lea, collegeId, "Léa", "Martin"), pupil(hugo, lyceeId, "Hugo", "Martin"),
                classGroup(fourthB, collegeId, "4e B", "4EME"), classGroup(secondA, lyceeId, "2nde A", "2NDE"),
                enrolment(lea, collegeId, fourthB, SEPTEMBER_1, null),
                enrolment(hugo, lyceeId, secondA, SEPTEMBER_1, null),
                guardianship(parent, lea, true), guardianship(parent, hugo, true));

        assertThat(directory.childrenOf(parent)).containsExactlyInAnyOrder(lea, hugo);
        assertThat(directory.guardiansOf(lea)).containsExactly(parent);
        assertThat(directory.guardiansReceivingCommunications(hugo)).containsExactly(parent);
        assertThat(directory.isGuardianOf(parent, lea)).isTrue();
        assertThat(directory.isGuardianOf(lea, parent)).isFalse();
        assertThat(directory.classOf(lea, JANUARY_15)).contains(fourthB);
        assertThat(directory.classOf(hugo, JANUARY_15)).contains(secondA);
        assertThat(directory.person(lea)).contains(
                new DirectoryPerson(lea, PersonRole.PUPIL, "Léa", "Martin", Set.of(collegeId), true));
        assertThat(directory.person(parent).orElseThrow().schoolIds()).containsExactlyInAnyOrder(collegeId, lyceeId);
        assertThat(directory.people(List.of(lea, hugo, UUID.randomUUID()))).containsOnlyKeys(lea, hugo)
                .hasEntrySatisfying(hugo, p -> assertThat(p.firstName()).isEqualTo("Hugo"));
        assertThat(directory.school(lyceeId)).hasValueSatisfying(school -> {
            assertThat(school.name()).isEqualTo("Lycée Kléber");
            assertThat(school.uai()).matches("\\d{7}[A-Z]");
            assertThat(school.zoneId().getId()).isEqualTo("Europe/Paris");
        });
        assertThat(directory.classGroup(secondA)).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("2nde A");
            assertThat(c.level()).isEqualTo("2NDE");
            assertThat(c.schoolId()).isEqualTo(lyceeId);
        });
        assertThat(directory.pupilsOfSchool(collegeId, JANUARY_15)).containsExactly(lea);
    }

    @Test
    void an_inspector_over_two_schools_is_kept_with_their_role_and_is_nobody_s_staff() {
        UUID helene = UUID.randomUUID(), cpe = UUID.randomUUID();
        applyAll(school(collegeId, "Collège Victor Hugo"), school(lyceeId, "Lycée Kléber"),
                inspector(helene, "Hélène", "Garnier", collegeId, lyceeId), staff(cpe, "Karim", "Benali", collegeId));

        assertThat(directory.person(helene)).contains(
                new DirectoryPerson(helene, PersonRole.INSPECTOR, "Hélène", "Garnier", Set.of(collegeId, lyceeId), true));
        assertThat(directory.staffOf(collegeId)).containsExactly(cpe);
        assertThat(directory.staffOf(lyceeId)).isEmpty();
    }

    @Test
    void separated_parents_are_two_guardians_and_only_one_receives_communications() {
        UUID pupil = UUID.randomUUID(), mother = UUID.randomUUID(), father = UUID.randomUUID();
        applyAll(pupil(pupil, collegeId, "Inès", "Durand"),
                parent(mother, "Sophie", "Durand", collegeId), parent(father, "Marc", "Leroy", collegeId),
                guardianship(mother, pupil, true), guardianship(father, pupil, false));

        assertThat(directory.guardiansOf(pupil)).containsExactlyInAnyOrder(mother, father);
        assertThat(directory.guardiansReceivingCommunications(pupil)).containsExactly(mother);
        assertThat(directory.guardiansReceivingCommunications(List.of(pupil, UUID.randomUUID())))
                .isEqualTo(Map.of(pupil, Set.of(mother)));
        assertThat(directory.isGuardianOf(father, pupil)).as("still a guardian: may read, just gets no mail").isTrue();
    }

    @Test
    void a_disabled_guardian_no_longer_receives_communications_and_an_erased_person_is_forgotten() {
        UUID pupil = UUID.randomUUID(), mother = UUID.randomUUID();
        PersonUpserted motherAccount = parent(mother, "Sophie", "Durand", collegeId);
        applyAll(motherAccount, guardianship(mother, pupil, true));

        applyAll(disabled(motherAccount));
        assertThat(directory.guardiansReceivingCommunications(pupil)).isEmpty();
        assertThat(directory.person(mother)).hasValueSatisfying(p -> assertThat(p.active()).isFalse());

        applyAll(erased(mother));
        assertThat(directory.person(mother)).isEmpty();
        assertThat(projection.apply(event(motherAccount))).as("an older upsert cannot bring them back").isFalse();
        assertThat(directory.person(mother)).isEmpty();
    }

    @Test
    void a_pupil_who_changes_class_mid_year_is_in_the_old_class_before_and_in_the_new_one_after() {
        UUID pupil = UUID.randomUUID(), classA = UUID.randomUUID(), classB = UUID.randomUUID();
        UUID latin = UUID.randomUUID(), classmate = UUID.randomUUID();
        EnrolmentUpserted inA = enrolment(pupil, collegeId, classA, SEPTEMBER_1, null, latin);
        applyAll(classGroup(classA, collegeId, "5e A", "5EME"), classGroup(classB, collegeId, "5e B", "5EME"),
                group(latin, collegeId, "Latin 5e", "5EME"),
                inA, enrolment(classmate, collegeId, classA, SEPTEMBER_1, null));

        // On February 1st the pupil moves to 5e B and drops Latin.
        applyAll(endingOn(inA, JANUARY_31), enrolment(pupil, collegeId, classB, FEBRUARY_1, null));

        assertThat(directory.pupilsOf(classA, JANUARY_15)).containsExactlyInAnyOrder(pupil, classmate);
        assertThat(directory.pupilsOf(classA, JANUARY_31)).as("the last day counts").contains(pupil);
        assertThat(directory.pupilsOf(classA, FEBRUARY_1)).containsExactly(classmate);
        assertThat(directory.pupilsOf(classB, JANUARY_31)).isEmpty();
        assertThat(directory.pupilsOf(classB, MARCH_10)).containsExactly(pupil);
        assertThat(directory.classOf(pupil, JANUARY_15)).contains(classA);
        assertThat(directory.classOf(pupil, MARCH_10)).contains(classB);
        assertThat(directory.classOf(pupil, SEPTEMBER_1.minusDays(1))).as("not enrolled yet").isEmpty();
        assertThat(directory.groupsOf(pupil, JANUARY_15)).containsExactly(latin);
        assertThat(directory.groupsOf(pupil, MARCH_10)).isEmpty();
        assertThat(directory.pupilsOf(latin, JANUARY_15)).containsExactly(pupil);
        assertThat(directory.isPupilOf(pupil, classA, JANUARY_15)).isTrue();
        assertThat(directory.isPupilOf(pupil, classA, MARCH_10)).isFalse();
        assertThat(directory.pupilsOfSchool(collegeId, MARCH_10)).containsExactlyInAnyOrder(pupil, classmate);
    }

    @Test
    void a_withdrawn_enrolment_no_longer_counts_for_any_date() {
        UUID pupil = UUID.randomUUID(), classA = UUID.randomUUID();
        EnrolmentUpserted mistake = enrolment(pupil, collegeId, classA, SEPTEMBER_1, null);
        applyAll(mistake);
        applyAll(withdrawn(mistake));

        assertThat(directory.pupilsOf(classA, JANUARY_15)).isEmpty();
        assertThat(directory.classOf(pupil, JANUARY_15)).isEmpty();
        assertThat(projection.apply(event(mistake))).as("replayed after its end: still withdrawn").isFalse();
        assertThat(directory.pupilsOf(classA, JANUARY_15)).isEmpty();
    }

    @Test
    void a_teacher_with_six_classes_teaches_each_of_them_and_no_other() {
        UUID teacher = UUID.randomUUID(), otherClass = UUID.randomUUID();
        List<UUID> classes = IntStream.range(0, 6).mapToObj(i -> UUID.randomUUID()).toList();
        List<TeachingAssignmentUpserted> assignments = classes.stream()
                .map(c -> teaching(teacher, c.equals(classes.get(5)) ? lyceeId : collegeId, c, "MATHS")).toList();
        applyAll(teacher(teacher, "Paul", "Bernard", collegeId, lyceeId));
        applyAll(assignments.toArray(IdentityEvent[]::new));
        // A second subject in the same class is one more assignment, not one more class.
        applyAll(teaching(teacher, collegeId, classes.get(0), "PHYSIQUE_CHIMIE"));

        assertThat(directory.classesTaughtBy(teacher)).containsExactlyInAnyOrderElementsOf(classes);
        assertThat(classes).allSatisfy(c -> assertThat(directory.teaches(teacher, c)).isTrue());
        assertThat(directory.teaches(teacher, otherClass)).isFalse();
        assertThat(directory.teachersOf(classes.get(3))).containsExactly(teacher);

        applyAll(ended(assignments.get(3)));
        assertThat(directory.teaches(teacher, classes.get(3))).isFalse();
        assertThat(directory.classesTaughtBy(teacher)).hasSize(5).doesNotContain(classes.get(3));
        applyAll(ended(assignments.get(0)));
        assertThat(directory.teaches(teacher, classes.get(0))).as("still teaches physics there").isTrue();
        // by subject: physics still, maths no more in that class; maths elsewhere, never physics there
        assertThat(directory.teaches(teacher, classes.get(0), "PHYSIQUE_CHIMIE")).isTrue();
        assertThat(directory.teaches(teacher, classes.get(0), "MATHS")).isFalse();
        assertThat(directory.teaches(teacher, classes.get(1), "MATHS")).isTrue();
        assertThat(directory.teaches(teacher, classes.get(1), "PHYSIQUE_CHIMIE")).isFalse();
    }

    @Test
    void the_professeur_principal_flag_follows_the_assignment_and_an_event_without_it_reads_as_not() {
        UUID teacher = UUID.randomUUID(), other = UUID.randomUUID(), classA = UUID.randomUUID(), classB = UUID.randomUUID();
        applyAll(teacher(teacher, "Claire", "Martin", collegeId), teacher(other, "Paul", "Bernard", collegeId));
        TeachingAssignmentUpserted maths = headTeaching(teacher, collegeId, classA, "MATHS");
        applyAll(maths, teaching(teacher, collegeId, classB, "MATHS"), teaching(other, collegeId, classA, "FRANCAIS"));
        assertThat(directory.isHeadTeacher(teacher, classA)).isTrue();
        assertThat(directory.isHeadTeacher(teacher, classB)).as("teaches B, not its professeur principal").isFalse();
        assertThat(directory.isHeadTeacher(other, classA)).as("teaches A, not its professeur principal").isFalse();
        applyAll(headTeacher(maths, false));
        assertThat(directory.isHeadTeacher(teacher, classA)).isFalse();
        applyAll(headTeacher(maths, true));
        assertThat(directory.isHeadTeacher(teacher, classA)).isTrue();
        applyAll(ended(maths));
        assertThat(directory.isHeadTeacher(teacher, classA)).as("no longer teaches there").isFalse();
        // an event from a producer that does not say (the v1 shape): not a professeur principal
        TeachingAssignmentUpserted silent = new TeachingAssignmentUpserted(UUID.randomUUID(), other, collegeId, classB, "LATIN", 1);
        assertThat(silent.headTeacher()).isNull();
        applyAll(silent);
        assertThat(directory.isHeadTeacher(other, classB)).isFalse();
        assertThat(directory.teaches(other, classB, "LATIN")).isTrue();
    }

    @Test
    void an_ended_guardianship_removes_the_relationship() {
        UUID pupil = UUID.randomUUID(), guardian = UUID.randomUUID();
        GuardianshipUpserted guardianship = guardianship(guardian, pupil, true);
        applyAll(guardianship);
        applyAll(ended(guardianship));

        assertThat(directory.guardiansOf(pupil)).isEmpty();
        assertThat(directory.guardiansReceivingCommunications(pupil)).isEmpty();
        assertThat(directory.childrenOf(guardian)).isEmpty();
        assertThat(directory.isGuardianOf(guardian, pupil)).isFalse();
    }

    @Test
    void the_school_staff_are_its_active_staff_members() {
        UUID cpe = UUID.randomUUID(), principal = UUID.randomUUID(), teacher = UUID.randomUUID();
        PersonUpserted principalAccount = staff(principal, "Anne", "Petit", collegeId);
        applyAll(staff(cpe, "Karim", "Benali", collegeId, lyceeId), principalAccount,
                teacher(teacher, "Paul", "Bernard", collegeId));
        assertThat(directory.staffOf(collegeId)).containsExactlyInAnyOrder(cpe, principal);
        assertThat(directory.staffOf(lyceeId)).containsExactly(cpe);

        applyAll(disabled(principalAccount));
        assertThat(directory.staffOf(collegeId)).containsExactly(cpe);
    }

    @Test
    void replaying_every_event_changes_nothing() {
        UUID pupil = UUID.randomUUID(), mother = UUID.randomUUID(), father = UUID.randomUUID();
        UUID classA = UUID.randomUUID(), classB = UUID.randomUUID(), teacher = UUID.randomUUID();
        EnrolmentUpserted inA = enrolment(pupil, collegeId, classA, SEPTEMBER_1, null);
        GuardianshipUpserted fatherLink = guardianship(father, pupil, true);
        TeachingAssignmentUpserted teachesA = teaching(teacher, collegeId, classA, "HISTOIRE_GEO");
        List<IncomingEvent> history = new ArrayList<>(applyAll(
                school(collegeId, "Collège Victor Hugo"), pupil(pupil, collegeId, "Léo", "Roux"),
                parent(mother, "Julie", "Roux", collegeId), parent(father, "Éric", "Roux", collegeId),
                classGroup(classA, collegeId, "6e A", "6EME"), classGroup(classB, collegeId, "6e B", "6EME"),
                inA, guardianship(mother, pupil, true), fatherLink, teachesA));
        history.addAll(applyAll(endingOn(inA, JANUARY_31), enrolment(pupil, collegeId, classB, FEBRUARY_1, null),
                ended(fatherLink), ended(teachesA), teaching(teacher, collegeId, classB, "HISTOIRE_GEO")));
        Map<String, Object> before = answers(pupil, mother, father, classA, classB, teacher);

        // Redelivered as they were, then published again (new event ids, same payloads), shuffled.
        history.forEach(e -> assertThat(projection.apply(e)).as("redelivered %s", e.type()).isFalse());
        List<IncomingEvent> republished = new ArrayList<>(history.stream()
                .map(e -> new IncomingEvent(UUID.randomUUID(), e.type(), e.source(), e.subject(), e.schoolId(), e.time(),
                        e.key(), e.data())).toList());
        Collections.shuffle(republished);
        republished.forEach(e -> assertThat(projection.apply(e)).as("republished %s", e.type()).isFalse());

        assertThat(answers(pupil, mother, father, classA, classB, teacher)).isEqualTo(before);
    }

    @Test
    void events_of_an_aggregate_in_any_order_end_in_its_newest_state() {
        UUID pupil = UUID.randomUUID(), guardian = UUID.randomUUID(), link = UUID.randomUUID();
        long v1 = nextVersion(), v2 = nextVersion(), v3 = nextVersion();
        GuardianshipUpserted receives = new GuardianshipUpserted(link, guardian, pupil, true, true, v1);
        GuardianshipUpserted optedOut = new GuardianshipUpserted(link, guardian, pupil, false, true, v2);

        assertThat(projection.apply(event(optedOut))).isTrue();
        assertThat(projection.apply(event(receives))).as("the older event arrives late").isFalse();
        assertThat(directory.guardiansOf(pupil)).containsExactly(guardian);
        assertThat(directory.guardiansReceivingCommunications(pupil)).as("the newer state stays").isEmpty();

        UUID school = UUID.randomUUID();
        assertThat(projection.apply(event(new SchoolUpserted(school, "0670002B", "Collège Pasteur", "COLLEGE",
                "STRASBOURG", "Europe/Paris", v3)))).isTrue();
        assertThat(projection.apply(event(new SchoolUpserted(school, "0670002B", "Ancien nom", "COLLEGE",
                "STRASBOURG", "Europe/Paris", v1)))).isFalse();
        assertThat(directory.school(school).orElseThrow().name()).isEqualTo("Collège Pasteur");

        // An end overtaken by nothing older: an upsert older than the end arrives after it.
        GuardianshipUpserted other = new GuardianshipUpserted(UUID.randomUUID(), UUID.randomUUID(), pupil, true, true, v1);
        assertThat(projection.apply(event(new fr.ent.events.contract.identity.GuardianshipEnded(
                other.guardianshipId(), other.guardianId(), pupil, v2)))).isTrue();
        assertThat(projection.apply(event(other))).isFalse();
        assertThat(directory.guardiansOf(pupil)).containsExactly(guardian);
    }

    @Test
    void unknown_identity_events_are_ignored_and_malformed_ones_are_poison() {
        IncomingEvent future = new IncomingEvent(UUID.randomUUID(), "fr.ent.identity.subject-upserted.v1",
                "/identity-service", null, null, null, "k", event(pupil(UUID.randomUUID(), collegeId, "A", "B")).data());
        assertThat(projection.apply(future)).isFalse();

        IncomingEvent noRole = event(new PersonUpserted(UUID.randomUUID(), null, "A", "B", List.of(), true, 1));
        assertThatThrownBy(() -> projection.apply(noRole)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("role");
        IncomingEvent noVersion = event(new GuardianshipUpserted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                true, true, 0));
        assertThatThrownBy(() -> projection.apply(noVersion)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("version");
    }

    @Test
    void payloads_carry_exactly_the_fields_of_their_contract() {
        PersonUpserted person = pupil(UUID.randomUUID(), collegeId, "Léa", "Martin");
        IncomingEvent event = event(person);
        List<String> fields = new ArrayList<>();
        event.data().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("personId", "role", "firstName", "lastName", "schoolIds",
                "active", "version");
        assertThat(event.key()).isEqualTo(person.personId().toString());
        assertThat(event.type()).isEqualTo("fr.ent.identity.person-upserted.v1");
        IncomingEvent enrolment = event(enrolment(UUID.randomUUID(), collegeId, UUID.randomUUID(), SEPTEMBER_1, null));
        assertThat(enrolment.data().get("start").asText()).isEqualTo("2026-09-01");
        assertThat(enrolment.schoolId()).isEqualTo(collegeId);
    }

    /** Every answer the directory gives about these people and classes, across the year. */
    private Map<String, Object> answers(UUID pupil, UUID mother, UUID father, UUID classA, UUID classB, UUID teacher) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("guardians", directory.guardiansOf(pupil));
        answers.put("receiving", directory.guardiansReceivingCommunications(pupil));
        answers.put("children of mother", directory.childrenOf(mother));
        answers.put("children of father", directory.childrenOf(father));
        for (LocalDate day : List.of(SEPTEMBER_1, JANUARY_31, FEBRUARY_1, MARCH_10)) {
            answers.put("class on " + day, directory.classOf(pupil, day));
            answers.put("A on " + day, directory.pupilsOf(classA, day));
            answers.put("B on " + day, directory.pupilsOf(classB, day));
        }
        answers.put("taught", directory.classesTaughtBy(teacher));
        answers.put("person", directory.person(pupil));
        answers.put("school", directory.school(collegeId));
        assertThat(answers.get("guardians")).isEqualTo(Set.of(mother));
        assertThat(answers.get("class on " + MARCH_10)).isEqualTo(java.util.Optional.of(classB));
        assertThat(answers.get("taught")).isEqualTo(Set.of(classB));
        return answers;
    }
}
