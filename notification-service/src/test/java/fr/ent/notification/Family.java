package fr.ent.notification;

import fr.ent.directory.Directory;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.notification.email.Contacts;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.Person;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testkit.TopicWriter;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A school with a pupil and two guardians with an e-mail address each, made known to the service
 * the way identity-service does it (the test kit's {@link SchoolWorld}: events on ent.identity and
 * ent.identity.contacts), and what attendance-service says about the pupil.
 */
public record Family(UUID school, String schoolName, UUID classId, UUID pupil, String childFirstName,
                     UUID mother, String motherEmail, UUID father, String fatherEmail) {

    /** Both guardians receive communications and have an e-mail address. */
    public static Family create(Directory directory, Contacts contacts, String childFirstName) {
        SchoolWorld world = new SchoolWorld();
        SchoolWorld.School school = world.school("Collège Jean Moulin " + UUID.randomUUID().toString().substring(0, 4));
        return withChild(world, school, school.classGroup("4e B", "4EME"), childFirstName, directory, contacts);
    }

    /** Another family, in the same school and class. */
    public static Family inSchoolOf(Family other, Directory directory, Contacts contacts, String childFirstName) {
        SchoolWorld world = new SchoolWorld();
        return withChild(world, world.knownSchool(other.school, other.schoolName), other.classId, childFirstName,
                directory, contacts);
    }

    private static Family withChild(SchoolWorld world, SchoolWorld.School school, UUID classId, String childFirstName,
                                    Directory directory, Contacts contacts) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person pupil = school.pupil(childFirstName, "Martin", classId);
        Person mother = school.guardian(pupil, "Claire", "Martin");
        Person father = school.guardian(pupil, "Paul", "Martin");
        Family f = new Family(school.id(), school.name(), classId, pupil.id(), childFirstName,
                mother.id(), "mere." + tag + "@famille.example", father.id(), "pere." + tag + "@famille.example");
        world.contact(mother, f.motherEmail).contact(father, f.fatherEmail).publish();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                directory.guardiansReceivingCommunications(f.pupil).size() == 2
                        && directory.school(f.school).isPresent()
                        && directory.person(f.pupil).isPresent()
                        && contacts.emailOf(f.mother).isPresent() && contacts.emailOf(f.father).isPresent());
        return f;
    }

    /** A brother or sister in the same class, with the same two guardians; returns the child's id. */
    public UUID addChild(Directory directory, String firstName) {
        SchoolWorld world = new SchoolWorld();
        UUID child = world.knownSchool(school, schoolName).pupil(firstName, "Martin", classId).id();
        world.add(DirectoryEvents.guardianship(mother, child, true))
                .add(DirectoryEvents.guardianship(father, child, true))
                .publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.guardiansReceivingCommunications(child).size() == 2
                && directory.person(child).isPresent());
        return child;
    }

    /** An absence over that period, as attendance-service publishes it; returns its event id. */
    public UUID absent(OffsetDateTime start, OffsetDateTime end) {
        return TopicWriter.publish(pupil.toString(), absence(start, end), school);
    }

    public AbsenceRecorded absence(OffsetDateTime start, OffsetDateTime end) {
        return new AbsenceRecorded(UUID.randomUUID(), pupil, school, classId, start, end, null, false);
    }
}
