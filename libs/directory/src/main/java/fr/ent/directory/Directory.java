package fr.ent.directory;

import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.PersonRole;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The read side of the directory projection: answers who-is-who questions from the service's own
 * database, never by calling identity-service. Each question is one indexed SQL query (plain JDBC:
 * these sit on roll-call and notification hot paths). No in-memory cache: several instances of a
 * service share one projection and a cache in one could not see another's writes.
 *
 * <p>Dates ("on") are school days: enrolments are inclusive of their first and last day.
 * Inside a transaction the queries run on its connection and see its uncommitted changes.
 */
@ApplicationScoped
public class Directory {

    private final AgroalDataSource dataSource;

    @Inject
    public Directory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    // --- Guardians

    /** Every current guardian of the pupil, whether or not they receive communications. */
    public Set<UUID> guardiansOf(UUID pupil) {
        return ids("SELECT guardian_id FROM directory_guardianship WHERE pupil_id = ? AND NOT ended", pupil);
    }

    /**
     * The guardians to whom school communications about the pupil go: their guardianship says so,
     * and their account is not known to be disabled or erased.
     */
    public Set<UUID> guardiansReceivingCommunications(UUID pupil) {
        return ids("""
                SELECT g.guardian_id FROM directory_guardianship g
                LEFT JOIN directory_person p ON p.id = g.guardian_id
                WHERE g.pupil_id = ? AND NOT g.ended AND g.receives_communications
                  AND (p.id IS NULL OR (p.active AND NOT p.ended))""", pupil);
    }

    /** The same for many pupils at once (school-wide fan-out): pupil → guardians; pupils without any are absent. */
    public Map<UUID, Set<UUID>> guardiansReceivingCommunications(Collection<UUID> pupils) {
        Map<UUID, Set<UUID>> result = new HashMap<>();
        if (pupils.isEmpty()) {
            return result;
        }
        String sql = """
                SELECT g.pupil_id, g.guardian_id FROM directory_guardianship g
                LEFT JOIN directory_person p ON p.id = g.guardian_id
                WHERE g.pupil_id = ANY (?) AND NOT g.ended AND g.receives_communications
                  AND (p.id IS NULL OR (p.active AND NOT p.ended))""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", pupils.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new DirectoryException("guardians of " + pupils.size() + " pupils", e);
        }
    }

    /** The pupils of whom this person is currently a guardian (possibly in several schools). */
    public Set<UUID> childrenOf(UUID guardian) {
        return ids("SELECT pupil_id FROM directory_guardianship WHERE guardian_id = ? AND NOT ended", guardian);
    }

    public boolean isGuardianOf(UUID guardian, UUID pupil) {
        return exists("SELECT 1 FROM directory_guardianship WHERE guardian_id = ? AND pupil_id = ? AND NOT ended",
                guardian, pupil);
    }

    // --- Classes, groups and enrolments

    /** The pupils enrolled in the class or group on that date. */
    public Set<UUID> pupilsOf(UUID classOrGroup, LocalDate on) {
        return ids("SELECT pupil_id FROM directory_membership WHERE class_group_id = ? AND start_date <= ? AND end_date >= ?",
                classOrGroup, Date.valueOf(on), Date.valueOf(on));
    }

    /** Whether the pupil is in the class or group on that date (a roll call's "pupil not in that class"). */
    public boolean isPupilOf(UUID pupil, UUID classOrGroup, LocalDate on) {
        return exists("""
                SELECT 1 FROM directory_membership WHERE class_group_id = ? AND pupil_id = ?
                  AND start_date <= ? AND end_date >= ?""", classOrGroup, pupil, Date.valueOf(on), Date.valueOf(on));
    }

    /** The pupils enrolled in a class of the school on that date. */
    public Set<UUID> pupilsOfSchool(UUID school, LocalDate on) {
        return ids("""
                SELECT pupil_id FROM directory_membership
                WHERE school_id = ? AND kind = 'CLASS' AND start_date <= ? AND end_date >= ?""",
                school, Date.valueOf(on), Date.valueOf(on));
    }

    /** The pupil's class on that date, if enrolled. */
    public Optional<UUID> classOf(UUID pupil, LocalDate on) {
        return ids("""
                SELECT class_group_id FROM directory_membership
                WHERE pupil_id = ? AND kind = 'CLASS' AND start_date <= ? AND end_date >= ?
                ORDER BY start_date DESC LIMIT 1""", pupil, Date.valueOf(on), Date.valueOf(on))
                .stream().findFirst();
    }

    /** The pupil's groups on that date. */
    public Set<UUID> groupsOf(UUID pupil, LocalDate on) {
        return ids("""
                SELECT class_group_id FROM directory_membership
                WHERE pupil_id = ? AND kind = 'GROUP' AND start_date <= ? AND end_date >= ?""",
                pupil, Date.valueOf(on), Date.valueOf(on));
    }

    public Optional<DirectoryClassGroup> classGroup(UUID id) {
        return one("SELECT id, school_id, name, level, kind, school_year FROM directory_class_group WHERE id = ?",
                rs -> new DirectoryClassGroup(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), GroupKind.valueOf(rs.getString(5)), rs.getString(6)), id);
    }

    /** Many classes and groups in one query (the names of a week view): id → class or group; unknown ids are absent. */
    public Map<UUID, DirectoryClassGroup> classGroups(Collection<UUID> ids) {
        Map<UUID, DirectoryClassGroup> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String sql = "SELECT id, school_id, name, level, kind, school_year FROM directory_class_group WHERE id = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DirectoryClassGroup group = new DirectoryClassGroup(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), GroupKind.valueOf(rs.getString(5)), rs.getString(6));
                    result.put(group.id(), group);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new DirectoryException("class groups " + ids.size(), e);
        }
    }

    // --- Teaching

    /** Whether the teacher currently teaches the class or group (any subject). */
    public boolean teaches(UUID teacher, UUID classOrGroup) {
        return exists("SELECT 1 FROM directory_teaching WHERE teacher_id = ? AND class_group_id = ? AND NOT ended",
                teacher, classOrGroup);
    }

    /** Whether the teacher currently teaches that subject (the assignment's code, e.g. MATHS) to the class or group. */
    public boolean teaches(UUID teacher, UUID classOrGroup, String subject) {
        return exists("""
                SELECT 1 FROM directory_teaching WHERE teacher_id = ? AND class_group_id = ? AND subject = ? AND NOT ended""",
                teacher, classOrGroup, subject);
    }

    /**
     * Whether the teacher is currently the professeur principal (head teacher) of the class: one of
     * their current assignments there carries identity's {@code headTeacher} flag.
     */
    public boolean isHeadTeacher(UUID teacher, UUID classOrGroup) {
        return exists("""
                SELECT 1 FROM directory_teaching WHERE teacher_id = ? AND class_group_id = ? AND head_teacher AND NOT ended""",
                teacher, classOrGroup);
    }

    /** The classes and groups the teacher currently teaches, in every school. */
    public Set<UUID> classesTaughtBy(UUID teacher) {
        return ids("SELECT class_group_id FROM directory_teaching WHERE teacher_id = ? AND NOT ended", teacher);
    }

    /**
     * Who teaches what in the class or group now: teacher → subjects (a report card's teachers per
     * subject in one query rather than one per teacher and subject).
     */
    public Map<UUID, Set<String>> subjectsByTeacher(UUID classOrGroup) {
        String sql = "SELECT teacher_id, subject FROM directory_teaching WHERE class_group_id = ? AND NOT ended";
        Map<UUID, Set<String>> result = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, classOrGroup);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2));
            }
            return result;
        } catch (SQLException e) {
            throw new DirectoryException(sql, e);
        }
    }

    /** The teachers who currently teach the class or group. */
    public Set<UUID> teachersOf(UUID classOrGroup) {
        return ids("SELECT teacher_id FROM directory_teaching WHERE class_group_id = ? AND NOT ended", classOrGroup);
    }

    // --- People and schools

    /** The person, unless unknown or erased; a disabled person is returned with {@code active = false}. */
    public Optional<DirectoryPerson> person(UUID id) {
        return one("SELECT id, role, first_name, last_name, school_ids, active FROM directory_person WHERE id = ? AND NOT ended",
                PERSON, id);
    }

    /** Many people in one query (a register's pupils): id → person; unknown or erased ids are absent. */
    public Map<UUID, DirectoryPerson> people(Collection<UUID> ids) {
        Map<UUID, DirectoryPerson> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String sql = "SELECT id, role, first_name, last_name, school_ids, active FROM directory_person WHERE id = ANY (?) AND NOT ended";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DirectoryPerson person = PERSON.map(rs);
                    result.put(person.id(), person);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new DirectoryException("people " + ids.size(), e);
        }
    }

    public Optional<DirectorySchool> school(UUID id) {
        return one("SELECT id, uai, name, time_zone FROM directory_school WHERE id = ?",
                rs -> new DirectorySchool(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)), id);
    }

    /** The active staff (vie scolaire, direction) of the school. */
    public Set<UUID> staffOf(UUID school) {
        return ids("SELECT person_id FROM directory_person_school WHERE school_id = ? AND role = 'STAFF'", school);
    }

    // --- JDBC plumbing

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final Row<DirectoryPerson> PERSON = rs -> new DirectoryPerson(rs.getObject(1, UUID.class),
            PersonRole.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), uuidSet(rs.getArray(5)), rs.getBoolean(6));

    private Set<UUID> ids(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            Set<UUID> ids = new LinkedHashSet<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new DirectoryException(sql, e);
        }
    }

    private boolean exists(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            throw new DirectoryException(sql, e);
        }
    }

    private <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new DirectoryException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }

    static Set<UUID> uuidSet(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            ids.add((UUID) o);
        }
        return ids;
    }
}
