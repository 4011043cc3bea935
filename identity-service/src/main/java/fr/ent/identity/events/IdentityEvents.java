package fr.ent.identity.events;

import fr.ent.events.Outbox;
import fr.ent.events.contract.identity.ClassGroupUpserted;
import fr.ent.events.contract.identity.ContactChanged;
import fr.ent.events.contract.identity.EnrolmentEnded;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.GuardianshipEnded;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.events.contract.identity.PersonUpserted;
import fr.ent.events.contract.identity.SchoolUpserted;
import fr.ent.events.contract.identity.TeachingAssignmentEnded;
import fr.ent.events.contract.identity.TeachingAssignmentUpserted;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.enrolment.Enrolment;
import fr.ent.identity.guardianship.Guardianship;
import fr.ent.identity.person.Person;
import fr.ent.identity.school.School;
import fr.ent.identity.teaching.TeachingAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Turns directory changes into the identity event contracts and records them in the outbox, in
 * the caller's transaction. Callers bump the aggregate's version before calling.
 *
 * <p>Every event carries the CloudEvents extension {@code schoolid} (the outbox refuses one
 * without). An event about something of one school carries that school. A person may belong to
 * several schools (a teacher, a parent of pupils in two schools): their events are recorded once
 * per school, the same payload and version each time, so a consumer that follows one school sees
 * them, and one that follows all of them applies the first and ignores the others (same version).
 * A guardianship belongs to the pupil's school(s).
 */
@ApplicationScoped
public class IdentityEvents {

    @Inject Outbox outbox;

    public void school(School s) {
        publish(new SchoolUpserted(s.id, s.uai, s.name, s.type, s.academy, s.timeZone, s.version));
    }

    public void classGroup(ClassGroup c) {
        publish(new ClassGroupUpserted(c.id, c.schoolId, c.name, c.level, c.kind, c.schoolYear, c.version));
    }

    public void person(Person p) {
        publish(new PersonUpserted(p.id, p.role, p.firstName, p.lastName, new ArrayList<>(p.schoolIds),
                p.active, p.version), p.schoolIds);
    }

    /** The only event with an address: it goes to the restricted contacts topic. */
    public void contact(Person p) {
        publish(new ContactChanged(p.id, p.email, p.version), p.schoolIds);
    }

    public void enrolment(Enrolment e) {
        if (e.withdrawn) {
            publish(new EnrolmentEnded(e.id, e.pupilId, e.schoolId, e.version));
        } else {
            publish(new EnrolmentUpserted(e.id, e.pupilId, e.schoolId, e.classId, new ArrayList<>(e.groupIds),
                    e.startsOn, e.endsOn, e.version));
        }
    }

    public void guardianship(Guardianship g) {
        Set<UUID> schools = pupilSchools(g.pupilId);
        if (g.endedAt != null) {
            publish(new GuardianshipEnded(g.id, g.guardianId, g.pupilId, g.version), schools);
        } else {
            publish(new GuardianshipUpserted(g.id, g.guardianId, g.pupilId, g.receivesCommunications,
                    g.legalResponsibility, g.version), schools);
        }
    }

    /** A guardianship is the school's business where the pupil is. */
    private static Set<UUID> pupilSchools(UUID pupilId) {
        Person pupil = Person.findById(pupilId);
        if (pupil == null || pupil.schoolIds.isEmpty()) {
            throw new IllegalStateException("guardianship of pupil " + pupilId + " who is in no school: "
                    + "its events would have no schoolid");
        }
        return pupil.schoolIds;
    }

    public void teaching(TeachingAssignment t, String subjectCode) {
        if (t.endedAt != null) {
            publish(new TeachingAssignmentEnded(t.id, t.teacherId, t.schoolId, t.classGroupId, t.version));
        } else {
            publish(new TeachingAssignmentUpserted(t.id, t.teacherId, t.schoolId, t.classGroupId, subjectCode,
                    t.version));
        }
    }

    private void publish(IdentityEvent event) {
        String key = event.aggregateId().toString();
        outbox.publish(event, key, key, event.schoolId());
    }

    /**
     * Once per school, in a stable order. A person in no school (a regional administrator) is in
     * no school's directory: nothing to publish; their upsert goes out when they join one.
     */
    private void publish(IdentityEvent event, Set<UUID> schoolIds) {
        String key = event.aggregateId().toString();
        for (UUID school : new TreeSet<>(schoolIds)) {
            outbox.publish(event, key, key, school);
        }
    }
}
