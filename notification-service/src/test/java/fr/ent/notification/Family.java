package fr.ent.notification;

import fr.ent.directory.Directory;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.events.contract.identity.ClassGroupUpserted;
import fr.ent.events.contract.identity.ContactChanged;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.events.contract.identity.PersonUpserted;
import fr.ent.events.contract.identity.SchoolUpserted;
import fr.ent.notification.email.Contacts;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A school with a pupil and two guardians, made known to the service the way identity-service
 * does it: events on ent.identity and ent.identity.contacts.
 */
public record Family(UUID school, String schoolName, UUID classId, UUID pupil, String childFirstName,
                     UUID mother, String motherEmail, UUID father, String fatherEmail) {

    /** Both guardians receive communications and have an e-mail address. */
    public static Family create(Directory directory, Contacts contacts, String childFirstName) {
        UUID school = UUID.randomUUID();
        String schoolName = "Collège Jean Moulin " + school.toString().substring(0, 4);
        UUID classId = UUID.randomUUID();
        Family f = new Family(school, schoolName, classId, UUID.randomUUID(), childFirstName,
                UUID.randomUUID(), "mere." + school.toString().substring(0, 8) + "@famille.example",
                UUID.randomUUID(), "pere." + school.toString().substring(0, 8) + "@famille.example");
        f.publishSchool();
        f.publishPupilAndGuardians();
        f.awaitKnown(directory, contacts);
        return f;
    }

    public static Family inSchoolOf(Family other, Directory directory, Contacts contacts, String childFirstName) {
        UUID tag = UUID.randomUUID();
        Family f = new Family(other.school, other.schoolName, other.classId, UUID.randomUUID(), childFirstName,
                UUID.randomUUID(), "mere." + tag.toString().substring(0, 8) + "@famille.example",
                UUID.randomUUID(), "pere." + tag.toString().substring(0, 8) + "@famille.example");
        f.publishPupilAndGuardians();
        f.awaitKnown(directory, contacts);
        return f;
    }

    private void publishSchool() {
        EventsOut.publish(school.toString(), new SchoolUpserted(school, "0670001A", schoolName, "COLLEGE", "STRASBOURG",
                "Europe/Paris", 1), school);
        EventsOut.publish(classId.toString(), new ClassGroupUpserted(classId, school, "4e B", "4EME", GroupKind.CLASS,
                "2026-2027", 1), school);
    }

    private void publishPupilAndGuardians() {
        EventsOut.publish(pupil.toString(), new PersonUpserted(pupil, PersonRole.PUPIL, childFirstName, "Martin",
                List.of(school), true, 1), null);
        EventsOut.publish(mother.toString(), new PersonUpserted(mother, PersonRole.PARENT, "Claire", "Martin",
                List.of(school), true, 1), null);
        EventsOut.publish(father.toString(), new PersonUpserted(father, PersonRole.PARENT, "Paul", "Martin",
                List.of(school), true, 1), null);
        UUID enrolment = UUID.randomUUID();
        EventsOut.publish(enrolment.toString(), new EnrolmentUpserted(enrolment, pupil, school, classId, List.of(),
                LocalDate.of(2026, 9, 1), null, 1), school);
        for (UUID guardian : List.of(mother, father)) {
            UUID g = UUID.randomUUID();
            EventsOut.publish(g.toString(), new GuardianshipUpserted(g, guardian, pupil, true, true, 1), null);
        }
        EventsOut.publish(mother.toString(), new ContactChanged(mother, motherEmail, 1), null);
        EventsOut.publish(father.toString(), new ContactChanged(father, fatherEmail, 1), null);
    }

    private void awaitKnown(Directory directory, Contacts contacts) {
        await().atMost(Duration.ofSeconds(120)).until(() ->
                directory.guardiansReceivingCommunications(pupil).size() == 2
                        && directory.school(school).isPresent()
                        && directory.person(pupil).isPresent()
                        && contacts.emailOf(mother).isPresent() && contacts.emailOf(father).isPresent());
    }

    /** An absence this morning-like period, as attendance-service publishes it; returns its event id. */
    public UUID absent(OffsetDateTime start, OffsetDateTime end) {
        return EventsOut.publish(pupil.toString(), absence(start, end), school);
    }

    public AbsenceRecorded absence(OffsetDateTime start, OffsetDateTime end) {
        return new AbsenceRecorded(UUID.randomUUID(), pupil, school, classId, start, end, null, false);
    }
}
