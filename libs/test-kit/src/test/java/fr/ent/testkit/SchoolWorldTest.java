package fr.ent.testkit;

import fr.ent.events.contract.identity.ContactChanged;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.events.contract.identity.PersonUpserted;
import fr.ent.events.contract.identity.SchoolUpserted;
import fr.ent.events.contract.identity.TeachingAssignmentUpserted;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What a world announces: the events identity-service would publish for the same school. */
class SchoolWorldTest {

    @Test
    void a_pupil_with_a_guardian_and_a_teacher_are_announced_as_identity_does_it() {
        SchoolWorld world = new SchoolWorld().enrolledFrom(LocalDate.of(2025, 11, 17));
        SchoolWorld.School school = world.school("Collège Jean Moulin");
        UUID classId = school.classGroup("4A", "4e");
        UUID latin = school.group("Latin 4e", "4e");
        Person pupil = school.pupil("Léa", "Martin", classId, latin);
        Person mother = school.guardian(pupil, "Claire", "Martin");
        Person teacher = school.teacher("Anne", "Prof");
        school.teaches(teacher, latin, "Latin");
        world.contact(mother, "claire.martin@famille.example");

        List<IdentityEvent> events = world.events();
        assertThat(events.get(0)).isInstanceOf(SchoolUpserted.class);
        assertThat(((SchoolUpserted) events.get(0)).schoolId()).isEqualTo(school.id());
        assertThat(events).filteredOn(PersonUpserted.class::isInstance).map(e -> (PersonUpserted) e)
                .extracting(PersonUpserted::personId, PersonUpserted::role, PersonUpserted::schoolIds)
                .containsExactly(
                        tuple(pupil.id(), PersonRole.PUPIL, List.of(school.id())),
                        tuple(mother.id(), PersonRole.PARENT, List.of(school.id())),
                        tuple(teacher.id(), PersonRole.TEACHER, List.of(school.id())));
        EnrolmentUpserted enrolment = only(events, EnrolmentUpserted.class);
        assertThat(enrolment.pupilId()).isEqualTo(pupil.id());
        assertThat(enrolment.classId()).isEqualTo(classId);
        assertThat(enrolment.groupIds()).containsExactly(latin);
        assertThat(enrolment.start()).isEqualTo(LocalDate.of(2025, 11, 17));
        assertThat(enrolment.end()).isNull();
        GuardianshipUpserted guardianship = only(events, GuardianshipUpserted.class);
        assertThat(guardianship.guardianId()).isEqualTo(mother.id());
        assertThat(guardianship.pupilId()).isEqualTo(pupil.id());
        assertThat(guardianship.receivesCommunications()).isTrue();
        assertThat(only(events, TeachingAssignmentUpserted.class).classOrGroupId()).isEqualTo(latin);
        assertThat(only(events, ContactChanged.class).email()).isEqualTo("claire.martin@famille.example");
        // Each event is newer than the one before: a consumer applies them all.
        assertThat(events.stream().mapToLong(IdentityEvent::version).toArray()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_known_school_is_not_announced_again() {
        SchoolWorld world = new SchoolWorld();
        UUID schoolId = UUID.randomUUID();
        Person pupil = world.knownSchool(schoolId, "Collège Victor Hugo").pupilWithoutClass("Omar", "Autre");

        assertThat(world.events()).hasSize(1).allSatisfy(e -> assertThat(e).isInstanceOf(PersonUpserted.class));
        assertThat(pupil.schoolId()).isEqualTo(schoolId);
    }

    private static <T> T only(List<IdentityEvent> events, Class<T> type) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
