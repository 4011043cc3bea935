package fr.ent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ent.events.EventContracts;
import fr.ent.events.EventJson;
import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.identity.ClassGroupUpserted;
import fr.ent.events.contract.identity.ContactChanged;
import fr.ent.events.contract.identity.EnrolmentEnded;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.GuardianshipEnded;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.events.contract.identity.PersonEnded;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.events.contract.identity.PersonUpserted;
import fr.ent.events.contract.identity.SchoolUpserted;
import fr.ent.events.contract.identity.TeachingAssignmentEnded;
import fr.ent.events.contract.identity.TeachingAssignmentUpserted;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds identity events as identity-service publishes them, so that a service's tests seed its
 * directory projection the real way ({@link SchoolWorld} builds a whole school with them):
 * <ul>
 *   <li>payload builders ({@link #school}, {@link #pupil}, {@link #enrolment}, {@link #guardianship},
 *       {@link #teaching}, ...) with fresh ids and versions that always grow (a payload built later
 *       is newer than one built before);</li>
 *   <li>{@link #event(IdentityEvent)}: the {@link IncomingEvent} to give to
 *       {@code DirectoryProjection.apply} directly (fast, in the test's own thread);</li>
 *   <li>{@link #send(String, IdentityEvent...)}: the same events as CloudEvents records (binary
 *       mode, {@code ce_*} headers) on topic {@code ent.identity}, through a real producer, for
 *       tests of the whole consume path.</li>
 * </ul>
 */
public final class DirectoryEvents {

    /** The {@code ce_source} of identity events. */
    public static final String SOURCE = "/identity-service";

    // Seeded from the clock so versions also grow across test runs on a kept database.
    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis() * 1000);

    private DirectoryEvents() {
    }

    /** A version newer than every version handed out before in this JVM. */
    public static long nextVersion() {
        return VERSIONS.incrementAndGet();
    }

    // --- Payloads

    public static SchoolUpserted school(UUID schoolId, String name) {
        return new SchoolUpserted(schoolId, uai(schoolId), name, "COLLEGE", "STRASBOURG", "Europe/Paris", nextVersion());
    }

    public static PersonUpserted person(UUID personId, PersonRole role, String firstName, String lastName, UUID... schoolIds) {
        return new PersonUpserted(personId, role, firstName, lastName, List.of(schoolIds), true, nextVersion());
    }

    public static PersonUpserted pupil(UUID personId, UUID schoolId, String firstName, String lastName) {
        return person(personId, PersonRole.PUPIL, firstName, lastName, schoolId);
    }

    public static PersonUpserted parent(UUID personId, String firstName, String lastName, UUID... schoolIds) {
        return person(personId, PersonRole.PARENT, firstName, lastName, schoolIds);
    }

    public static PersonUpserted teacher(UUID personId, String firstName, String lastName, UUID... schoolIds) {
        return person(personId, PersonRole.TEACHER, firstName, lastName, schoolIds);
    }

    public static PersonUpserted staff(UUID personId, String firstName, String lastName, UUID... schoolIds) {
        return person(personId, PersonRole.STAFF, firstName, lastName, schoolIds);
    }

    /** An inspector (IA-IPR) assigned to these schools. */
    public static PersonUpserted inspector(UUID personId, String firstName, String lastName, UUID... schoolIds) {
        return person(personId, PersonRole.INSPECTOR, firstName, lastName, schoolIds);
    }

    /** The same person, disabled (a newer version). */
    public static PersonUpserted disabled(PersonUpserted person) {
        return new PersonUpserted(person.personId(), person.role(), person.firstName(), person.lastName(),
                person.schoolIds(), false, nextVersion());
    }

    public static PersonEnded erased(UUID personId) {
        return new PersonEnded(personId, nextVersion());
    }

    public static ClassGroupUpserted classGroup(UUID classId, UUID schoolId, String name, String level) {
        return new ClassGroupUpserted(classId, schoolId, name, level, GroupKind.CLASS, "2026-2027", nextVersion());
    }

    public static ClassGroupUpserted group(UUID groupId, UUID schoolId, String name, String level) {
        return new ClassGroupUpserted(groupId, schoolId, name, level, GroupKind.GROUP, "2026-2027", nextVersion());
    }

    /** A new enrolment (fresh id) of the pupil in the class and groups, from start to end (null: open). */
    public static EnrolmentUpserted enrolment(UUID pupilId, UUID schoolId, UUID classId, LocalDate start, LocalDate end,
                                              UUID... groupIds) {
        return new EnrolmentUpserted(UUID.randomUUID(), pupilId, schoolId, classId, Arrays.asList(groupIds), start, end,
                nextVersion());
    }

    /** The same enrolment, ending on {@code lastDay} (a newer version). */
    public static EnrolmentUpserted endingOn(EnrolmentUpserted enrolment, LocalDate lastDay) {
        return new EnrolmentUpserted(enrolment.enrolmentId(), enrolment.pupilId(), enrolment.schoolId(), enrolment.classId(),
                enrolment.groupIds(), enrolment.start(), lastDay, nextVersion());
    }

    public static EnrolmentEnded withdrawn(EnrolmentUpserted enrolment) {
        return new EnrolmentEnded(enrolment.enrolmentId(), enrolment.pupilId(), enrolment.schoolId(), nextVersion());
    }

    /** A new guardianship (fresh id), with legal responsibility. */
    public static GuardianshipUpserted guardianship(UUID guardianId, UUID pupilId, boolean receivesCommunications) {
        return new GuardianshipUpserted(UUID.randomUUID(), guardianId, pupilId, receivesCommunications, true, nextVersion());
    }

    public static GuardianshipEnded ended(GuardianshipUpserted guardianship) {
        return new GuardianshipEnded(guardianship.guardianshipId(), guardianship.guardianId(), guardianship.pupilId(),
                nextVersion());
    }

    /** A new teaching assignment (fresh id). */
    public static TeachingAssignmentUpserted teaching(UUID teacherId, UUID schoolId, UUID classOrGroupId, String subject) {
        return new TeachingAssignmentUpserted(UUID.randomUUID(), teacherId, schoolId, classOrGroupId, subject, nextVersion());
    }

    /** A new teaching assignment whose teacher is the class's professeur principal (fresh id). */
    public static TeachingAssignmentUpserted headTeaching(UUID teacherId, UUID schoolId, UUID classOrGroupId, String subject) {
        return new TeachingAssignmentUpserted(UUID.randomUUID(), teacherId, schoolId, classOrGroupId, subject, nextVersion(), true);
    }

    /** The same assignment, a next version, with the professeur principal flag given. */
    public static TeachingAssignmentUpserted headTeacher(TeachingAssignmentUpserted assignment, boolean headTeacher) {
        return new TeachingAssignmentUpserted(assignment.assignmentId(), assignment.teacherId(), assignment.schoolId(),
                assignment.classOrGroupId(), assignment.subject(), nextVersion(), headTeacher);
    }

    public static TeachingAssignmentEnded ended(TeachingAssignmentUpserted assignment) {
        return new TeachingAssignmentEnded(assignment.assignmentId(), assignment.teacherId(), assignment.schoolId(),
                assignment.classOrGroupId(), nextVersion());
    }

    /** The person's e-mail address (null: none), on the restricted topic {@code ent.identity.contacts}. */
    public static ContactChanged contact(UUID personId, String email) {
        return new ContactChanged(personId, email, nextVersion());
    }

    // --- As identity-service publishes them

    /** The event as a consumer receives it: new event id, key and subject = the aggregate id. */
    public static IncomingEvent event(IdentityEvent payload) {
        JsonNode data = EventJson.MAPPER.valueToTree(payload);
        String key = payload.aggregateId().toString();
        return new IncomingEvent(UUID.randomUUID(), EventContracts.typeOf(payload.getClass()), SOURCE, key,
                payload.schoolId(), OffsetDateTime.now(ZoneOffset.UTC), key, data);
    }

    /** The Kafka record of an event, in CloudEvents binary mode, to its contract's topic. */
    public static ProducerRecord<String, String> record(IncomingEvent event) {
        return TopicWriter.record(topicOf(event.type()), event);
    }

    /** Sends the payloads, in order, to their topic ({@code ent.identity}, {@code ent.identity.contacts}) and waits until Kafka has them all. */
    public static List<IncomingEvent> send(String bootstrapServers, IdentityEvent... payloads) {
        List<IncomingEvent> events = Arrays.stream(payloads).map(DirectoryEvents::event).toList();
        sendEvents(bootstrapServers, events);
        return events;
    }

    /** Sends events (e.g. again, to test redelivery) and waits until Kafka has them all. */
    public static void sendEvents(String bootstrapServers, List<IncomingEvent> events) {
        TopicWriter.send(bootstrapServers, events.stream().map(DirectoryEvents::record).toList());
    }

    private static String topicOf(String type) {
        return Arrays.stream(IdentityEvent.class.getPermittedSubclasses())
                .map(EventContracts::of)
                .filter(c -> c.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an identity event type: " + type))
                .topic();
    }

    /** A well-formed UAI for a test school: 7 digits and their check letter. */
    static String uai(UUID schoolId) {
        long digits = Math.floorMod(schoolId.getLeastSignificantBits(), 10_000_000L);
        return String.format("%07d%c", digits, "ABCDEFGHJKLMNPRSTUVWXYZ".charAt((int) (digits % 23)));
    }
}
