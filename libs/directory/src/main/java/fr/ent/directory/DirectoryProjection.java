package fr.ent.directory;

import fr.ent.events.EventContract;
import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.identity.ClassGroupUpserted;
import fr.ent.events.contract.identity.ContactChanged;
import fr.ent.events.contract.identity.EnrolmentEnded;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.GuardianshipEnded;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.events.contract.identity.PersonEnded;
import fr.ent.events.contract.identity.PersonUpserted;
import fr.ent.events.contract.identity.SchoolUpserted;
import fr.ent.events.contract.identity.TeachingAssignmentEnded;
import fr.ent.events.contract.identity.TeachingAssignmentUpserted;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The write side of the directory projection: applies one identity event to the service's tables.
 *
 * <p>Idempotent and order-tolerant: every aggregate row keeps the highest {@code version} applied
 * and an upsert or end only takes effect when its version is higher ({@code INSERT ... ON CONFLICT
 * DO UPDATE ... WHERE version < excluded.version}); ended aggregates stay as tombstones. So
 * redeliveries, replays from offset 0 and events of different keys arriving in any order all end
 * in the same state. Runs in the caller's transaction (the idempotent consumer's), or its own.
 *
 * <p>Identity event types it does not know (a newer contract) are ignored, not failed: a consumer
 * on an older version of this library must keep up with the topic.
 */
@ApplicationScoped
public class DirectoryProjection {

    private static final Logger LOG = Logger.getLogger(DirectoryProjection.class);
    private static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

    /** The directory events by CloudEvents type, from their contracts (contact changes are not ours). */
    static final Map<String, Class<? extends IdentityEvent>> TYPES = Stream.of(IdentityEvent.class.getPermittedSubclasses())
            .filter(c -> c != ContactChanged.class)
            .collect(Collectors.toUnmodifiableMap(c -> c.getAnnotation(EventContract.class).type(),
                    c -> c.asSubclass(IdentityEvent.class)));

    private final AgroalDataSource dataSource;

    @Inject
    public DirectoryProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies an event from topic {@code ent.identity}. Returns whether it changed the projection
     * (false for a replay, an older version, or a type this library does not know).
     *
     * @throws PoisonEventException when the data does not match the contract of its type: the
     *                              idempotent consumer sends it to the dead-letter topic at once
     */
    @Transactional
    public boolean apply(IncomingEvent event) {
        Class<? extends IdentityEvent> type = TYPES.get(event.type());
        if (type == null) {
            LOG.debugf("Ignoring event %s of type %s: not a directory event", event.id(), event.type());
            return false;
        }
        return apply(event.data(type));
    }

    /** Applies a payload directly (tests, or a service that already holds the typed event). */
    @Transactional
    public boolean apply(IdentityEvent payload) {
        validate(payload);
        try (Connection c = dataSource.getConnection()) {
            if (payload instanceof SchoolUpserted e) return school(c, e);
            if (payload instanceof PersonUpserted e) return person(c, e);
            if (payload instanceof PersonEnded e) return personEnded(c, e);
            if (payload instanceof ClassGroupUpserted e) return classGroup(c, e);
            if (payload instanceof EnrolmentUpserted e) return enrolment(c, e);
            if (payload instanceof EnrolmentEnded e) return enrolmentEnded(c, e);
            if (payload instanceof GuardianshipUpserted e) return guardianship(c, e);
            if (payload instanceof GuardianshipEnded e) return guardianshipEnded(c, e);
            if (payload instanceof TeachingAssignmentUpserted e) return teaching(c, e);
            if (payload instanceof TeachingAssignmentEnded e) return teachingEnded(c, e);
            return false; // ContactChanged: notification-service's own concern
        } catch (SQLException e) {
            throw new DirectoryException("applying " + payload.getClass().getSimpleName() + " " + payload.aggregateId(), e);
        }
    }

    // --- Schools and classes

    private boolean school(Connection c, SchoolUpserted e) throws SQLException {
        return update(c, """
                INSERT INTO directory_school (id, version, uai, name, type, academy, time_zone) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, uai = excluded.uai, name = excluded.name,
                  type = excluded.type, academy = excluded.academy, time_zone = excluded.time_zone
                WHERE directory_school.version < excluded.version""",
                e.schoolId(), e.version(), e.uai(), e.name(), e.type(), e.academy(), e.timeZone()) > 0;
    }

    private boolean classGroup(Connection c, ClassGroupUpserted e) throws SQLException {
        return update(c, """
                INSERT INTO directory_class_group (id, version, school_id, name, level, kind, school_year) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, school_id = excluded.school_id, name = excluded.name,
                  level = excluded.level, kind = excluded.kind, school_year = excluded.school_year
                WHERE directory_class_group.version < excluded.version""",
                e.classGroupId(), e.version(), e.schoolId(), e.name(), e.level(), e.kind().name(), e.schoolYear()) > 0;
    }

    // --- People

    private boolean person(Connection c, PersonUpserted e) throws SQLException {
        boolean applied = update(c, """
                INSERT INTO directory_person (id, version, ended, role, first_name, last_name, school_ids, active)
                VALUES (?, ?, false, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = false, role = excluded.role,
                  first_name = excluded.first_name, last_name = excluded.last_name, school_ids = excluded.school_ids,
                  active = excluded.active
                WHERE directory_person.version < excluded.version""",
                e.personId(), e.version(), e.role().name(), e.firstName(), e.lastName(),
                c.createArrayOf("uuid", e.schoolIds().toArray()), e.active()) > 0;
        if (applied) {
            update(c, "DELETE FROM directory_person_school WHERE person_id = ?", e.personId());
            if (e.active()) {
                for (UUID school : Set.copyOf(e.schoolIds())) {
                    update(c, "INSERT INTO directory_person_school (school_id, role, person_id) VALUES (?, ?, ?)",
                            school, e.role().name(), e.personId());
                }
            }
        }
        return applied;
    }

    /** Erasure: a tombstone without names keeps older upserts from bringing the person back. */
    private boolean personEnded(Connection c, PersonEnded e) throws SQLException {
        boolean applied = update(c, """
                INSERT INTO directory_person (id, version, ended, active) VALUES (?, ?, true, false)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = true, active = false,
                  role = NULL, first_name = NULL, last_name = NULL, school_ids = '{}'
                WHERE directory_person.version < excluded.version""", e.personId(), e.version()) > 0;
        if (applied) {
            update(c, "DELETE FROM directory_person_school WHERE person_id = ?", e.personId());
        }
        return applied;
    }

    // --- Enrolments

    private boolean enrolment(Connection c, EnrolmentUpserted e) throws SQLException {
        boolean applied = update(c, """
                INSERT INTO directory_enrolment (id, version, ended, pupil_id, school_id, class_id, group_ids, start_date, end_date)
                VALUES (?, ?, false, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = false, pupil_id = excluded.pupil_id,
                  school_id = excluded.school_id, class_id = excluded.class_id, group_ids = excluded.group_ids,
                  start_date = excluded.start_date, end_date = excluded.end_date
                WHERE directory_enrolment.version < excluded.version""",
                e.enrolmentId(), e.version(), e.pupilId(), e.schoolId(), e.classId(),
                c.createArrayOf("uuid", e.groupIds().toArray()), date(e.start()), date(e.end())) > 0;
        if (applied) {
            update(c, "DELETE FROM directory_membership WHERE enrolment_id = ?", e.enrolmentId());
            LocalDate end = e.end() == null ? OPEN_END : e.end();
            member(c, e, e.classId(), GroupKind.CLASS, end);
            for (UUID group : Set.copyOf(e.groupIds())) {
                if (!group.equals(e.classId())) {
                    member(c, e, group, GroupKind.GROUP, end);
                }
            }
        }
        return applied;
    }

    private void member(Connection c, EnrolmentUpserted e, UUID classGroup, GroupKind kind, LocalDate end) throws SQLException {
        update(c, """
                INSERT INTO directory_membership (class_group_id, enrolment_id, pupil_id, school_id, kind, start_date, end_date)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                classGroup, e.enrolmentId(), e.pupilId(), e.schoolId(), kind.name(), date(e.start()), date(end));
    }

    private boolean enrolmentEnded(Connection c, EnrolmentEnded e) throws SQLException {
        boolean applied = update(c, """
                INSERT INTO directory_enrolment (id, version, ended, pupil_id, school_id) VALUES (?, ?, true, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = true
                WHERE directory_enrolment.version < excluded.version""",
                e.enrolmentId(), e.version(), e.pupilId(), e.schoolId()) > 0;
        if (applied) {
            update(c, "DELETE FROM directory_membership WHERE enrolment_id = ?", e.enrolmentId());
        }
        return applied;
    }

    // --- Guardianships and teaching

    private boolean guardianship(Connection c, GuardianshipUpserted e) throws SQLException {
        return update(c, """
                INSERT INTO directory_guardianship (id, version, ended, guardian_id, pupil_id, receives_communications, legal_responsibility)
                VALUES (?, ?, false, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = false, guardian_id = excluded.guardian_id,
                  pupil_id = excluded.pupil_id, receives_communications = excluded.receives_communications,
                  legal_responsibility = excluded.legal_responsibility
                WHERE directory_guardianship.version < excluded.version""",
                e.guardianshipId(), e.version(), e.guardianId(), e.pupilId(), e.receivesCommunications(),
                e.legalResponsibility()) > 0;
    }

    private boolean guardianshipEnded(Connection c, GuardianshipEnded e) throws SQLException {
        return update(c, """
                INSERT INTO directory_guardianship (id, version, ended, guardian_id, pupil_id) VALUES (?, ?, true, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = true
                WHERE directory_guardianship.version < excluded.version""",
                e.guardianshipId(), e.version(), e.guardianId(), e.pupilId()) > 0;
    }

    private boolean teaching(Connection c, TeachingAssignmentUpserted e) throws SQLException {
        return update(c, """
                INSERT INTO directory_teaching (id, version, ended, teacher_id, school_id, class_group_id, subject, head_teacher)
                VALUES (?, ?, false, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = false, teacher_id = excluded.teacher_id,
                  school_id = excluded.school_id, class_group_id = excluded.class_group_id, subject = excluded.subject,
                  head_teacher = excluded.head_teacher
                WHERE directory_teaching.version < excluded.version""",
                e.assignmentId(), e.version(), e.teacherId(), e.schoolId(), e.classOrGroupId(), e.subject(),
                e.isHeadTeacher()) > 0;
    }

    private boolean teachingEnded(Connection c, TeachingAssignmentEnded e) throws SQLException {
        return update(c, """
                INSERT INTO directory_teaching (id, version, ended, teacher_id, school_id, class_group_id) VALUES (?, ?, true, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, ended = true
                WHERE directory_teaching.version < excluded.version""",
                e.assignmentId(), e.version(), e.teacherId(), e.schoolId(), e.classOrGroupId()) > 0;
    }

    // --- Plumbing

    /** The facts the tables need; a payload without them is a poison message, not a crash later. */
    private static void validate(IdentityEvent e) {
        if (e == null) {
            throw new PoisonEventException("the event has no payload");
        }
        require(e.aggregateId() != null, e, "no id");
        require(e.version() > 0, e, "version must be positive");
        if (e instanceof SchoolUpserted s) {
            require(s.uai() != null && s.name() != null && s.timeZone() != null, e, "uai, name and timeZone are required");
        } else if (e instanceof PersonUpserted p) {
            require(p.role() != null, e, "role is required");
        } else if (e instanceof ClassGroupUpserted g) {
            require(g.schoolId() != null && g.name() != null && g.kind() != null, e, "schoolId, name and kind are required");
        } else if (e instanceof EnrolmentUpserted n) {
            require(n.pupilId() != null && n.schoolId() != null && n.classId() != null && n.start() != null, e,
                    "pupilId, schoolId, classId and start are required");
            require(n.end() == null || !n.end().isBefore(n.start()), e, "end is before start");
        } else if (e instanceof EnrolmentEnded n) {
            require(n.pupilId() != null && n.schoolId() != null, e, "pupilId and schoolId are required");
        } else if (e instanceof GuardianshipUpserted g) {
            require(g.guardianId() != null && g.pupilId() != null, e, "guardianId and pupilId are required");
        } else if (e instanceof GuardianshipEnded g) {
            require(g.guardianId() != null && g.pupilId() != null, e, "guardianId and pupilId are required");
        } else if (e instanceof TeachingAssignmentUpserted t) {
            require(t.teacherId() != null && t.schoolId() != null && t.classOrGroupId() != null, e,
                    "teacherId, schoolId and classOrGroupId are required");
        } else if (e instanceof TeachingAssignmentEnded t) {
            require(t.teacherId() != null && t.schoolId() != null && t.classOrGroupId() != null, e,
                    "teacherId, schoolId and classOrGroupId are required");
        }
    }

    private static void require(boolean condition, IdentityEvent e, String what) {
        if (!condition) {
            throw new PoisonEventException(e.getClass().getSimpleName() + " " + e.aggregateId() + ": " + what);
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }
}
