package fr.ent.testkit;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.events.contract.identity.PersonRole;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Schools, classes, groups, pupils, guardians, teachers, staff and inspectors for one test, as identity-service
 * announces them: each call records the identity events that make it true (fresh ids, growing
 * versions), and the test hands them to the service either way:
 *
 * <pre>{@code
 * SchoolWorld world = new SchoolWorld();
 * SchoolWorld.School school = world.school("Collège Jean Moulin");
 * UUID classId = school.classGroup("4e B", "4EME");
 * Person pupil = school.pupil("Léa", "Martin", classId);
 * Person mother = school.guardian(pupil, "Claire", "Martin");
 * world.contact(mother, "claire.martin@famille.example");
 *
 * world.publish();   // on Kafka, then wait until the service's directory knows them:
 * await().until(() -> directory.guardiansReceivingCommunications(pupil.id()).size() == 1);
 * // or, fast and in the test's thread, through the real DirectoryProjection.apply:
 * QuarkusTransaction.requiringNew().run(() ->
 *         world.events().forEach(e -> projection.apply(DirectoryEvents.event(e))));
 *
 * given().auth().oauth2(mother.token()).get(...)
 * }</pre>
 */
public final class SchoolWorld {

    private final List<IdentityEvent> events = new ArrayList<>();
    private int published;
    private LocalDate enrolledFrom = LocalDate.of(2026, 9, 1);

    /** The first day of the enrolments made from now on (by default the start of the 2026-2027 school year). */
    public SchoolWorld enrolledFrom(LocalDate start) {
        this.enrolledFrom = start;
        return this;
    }

    /** A new school. */
    public School school(String name) {
        School school = new School(UUID.randomUUID(), name);
        events.add(DirectoryEvents.school(school.id, name));
        return school;
    }

    /** A school the service already knows (announced by another world): nothing is announced again. */
    public School knownSchool(UUID schoolId, String name) {
        return new School(schoolId, name);
    }

    /** The person's e-mail address, on the restricted topic {@code ent.identity.contacts}. */
    public SchoolWorld contact(Person person, String email) {
        return add(DirectoryEvents.contact(person.id(), email));
    }

    /** Any other identity event (see {@link DirectoryEvents}), announced after the ones before it. */
    public SchoolWorld add(IdentityEvent event) {
        events.add(event);
        return this;
    }

    /** Every event of this world, in the order they were made. */
    public List<IdentityEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Sends the events not published yet to the test application's broker, as identity-service
     * does, and waits until Kafka has them; the service's consumer applies them in its own time.
     */
    public List<IncomingEvent> publish() {
        List<IdentityEvent> fresh = List.copyOf(events.subList(published, events.size()));
        published = events.size();
        return DirectoryEvents.send(TopicWriter.bootstrapServers(), fresh.toArray(IdentityEvent[]::new));
    }

    /** A school of the world; what it makes is announced in the world's events. */
    public final class School {

        private final UUID id;
        private final String name;

        private School(UUID id, String name) {
            this.id = id;
            this.name = name;
        }

        public UUID id() {
            return id;
        }

        public String name() {
            return name;
        }

        /** A class of the 2026-2027 school year; returns its id. */
        public UUID classGroup(String name, String level) {
            UUID classId = UUID.randomUUID();
            events.add(DirectoryEvents.classGroup(classId, id, name, level));
            return classId;
        }

        /** A group (Latin, a language set) of the 2026-2027 school year; returns its id. */
        public UUID group(String name, String level) {
            UUID groupId = UUID.randomUUID();
            events.add(DirectoryEvents.group(groupId, id, name, level));
            return groupId;
        }

        /** A pupil enrolled in the class and groups from the world's enrolment day, with no end. */
        public Person pupil(String firstName, String lastName, UUID classId, UUID... groupIds) {
            Person pupil = person(PersonRole.PUPIL, firstName, lastName);
            events.add(DirectoryEvents.enrolment(pupil.id(), id, classId, enrolledFrom, null, groupIds));
            return pupil;
        }

        /** A pupil of the school in no class (e.g. one the test enrols itself). */
        public Person pupilWithoutClass(String firstName, String lastName) {
            return person(PersonRole.PUPIL, firstName, lastName);
        }

        /** A parent of the school, legally responsible for the pupil and receiving communications about them. */
        public Person guardian(Person pupil, String firstName, String lastName) {
            Person guardian = person(PersonRole.PARENT, firstName, lastName);
            events.add(DirectoryEvents.guardianship(guardian.id(), pupil.id(), true));
            return guardian;
        }

        /** A teacher of the school, teaching nothing yet (see {@link #teaches}). */
        public Person teacher(String firstName, String lastName) {
            return person(PersonRole.TEACHER, firstName, lastName);
        }

        /** The teacher teaches the subject to the class or group. */
        public School teaches(Person teacher, UUID classOrGroupId, String subject) {
            events.add(DirectoryEvents.teaching(teacher.id(), id, classOrGroupId, subject));
            return this;
        }

        /** A member of the school's staff (a CPE, the head). */
        public Person staff(String firstName, String lastName) {
            return person(PersonRole.STAFF, firstName, lastName);
        }

        /** An inspector (IA-IPR) of the rectorat assigned to this school (their token lists it). */
        public Person inspector(String firstName, String lastName) {
            return person(PersonRole.INSPECTOR, firstName, lastName);
        }

        private Person person(PersonRole role, String firstName, String lastName) {
            Person person = new Person(UUID.randomUUID(), role, firstName, lastName, id);
            events.add(DirectoryEvents.person(person.id(), role, firstName, lastName, id));
            return person;
        }
    }
}
