package fr.ent.identity.access;

import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/**
 * identity's own rules about schools and relationships (the resource's @RolesAllowed has already
 * checked the role). The rules every service shares are {@link CurrentUser}'s: staff of a school
 * (the administrator counted as staff of every school), a school's integration, who reads and who
 * changes what the school's staff read and change ({@link CurrentUser#readsAsStaffOf},
 * {@link CurrentUser#changesAsStaffOf}). identity is the source of the directory: the relationships
 * are read here from its own tables, not from the directory projection.
 * What the caller may not see answers 404, as if it did not exist; what they may see but not
 * change answers 403.
 *
 * <p>The callers:
 * <ul>
 * <li>an administrator (role {@code admin}) reads and changes everything;</li>
 * <li>a school's staff (role {@code staff}, the school in the token's {@code school_ids}) read and
 *     change that school's directory, and nothing of another school;</li>
 * <li>a school integration: a service account (client credentials, role {@code service}, no
 *     {@code person_id}) bound to the schools the realm puts in its token's {@code school_ids}
 *     (a hardcoded claim on the client). It reads those schools as their staff do; it changes them
 *     only with the realm role {@value #INTEGRATION_WRITE}. A service account whose token names no
 *     school reads nothing;</li>
 * <li>teachers, guardians and pupils see what relates to them: the classes a teacher teaches and
 *     their pupils, a guardian's children, a pupil themself.</li>
 * </ul>
 * Who sees a person is {@code person.PersonAccess}'s rule; who sees a class list,
 * {@code classes.ClassGroupService}'s.
 */
@ApplicationScoped
public class Access {

    /** Realm role that lets a school integration make the changes its school's staff may make. */
    public static final String INTEGRATION_WRITE = CurrentUser.INTEGRATION_WRITE;

    private final CurrentUser me;
    private final SchoolClock clock;
    private final EntityManager em;

    public Access(CurrentUser me, SchoolClock clock, EntityManager em) {
        this.me = me;
        this.clock = clock;
        this.em = em;
    }

    public boolean isMe(UUID personId) {
        return me.isPerson() && me.personId().equals(personId);
    }

    /** Knows the school exists: admin and the members of the school. */
    public boolean seesSchool(UUID schoolId) {
        return me.isAdmin() || me.belongsTo(schoolId);
    }

    public void requireSeesSchool(UUID schoolId) {
        if (!seesSchool(schoolId)) throw Problems.notFound("No school " + schoolId);
    }

    /** 404 unless the caller reads the school's directory (admin, its staff, its integrations). */
    public void requireReadsSchool(UUID schoolId) {
        if (!me.readsAsStaffOf(schoolId)) throw Problems.notFound("No school " + schoolId);
    }

    /** 404 if the school is not the caller's at all, 403 if it is but they may not change it. */
    public void requireManagesSchool(UUID schoolId) {
        requireSeesSchool(schoolId);
        if (!me.changesAsStaffOf(schoolId)) throw Problems.forbidden("Only the school's staff may change this");
    }

    /** The caller is a current guardian of this pupil. */
    public boolean isGuardianOf(UUID pupilId) {
        return count("select count(*) from guardianship where guardian_id = ?1 and pupil_id = ?2 and ended_at is null",
                me.personId(), pupilId) > 0;
    }

    /** The caller teaches this class or group. */
    public boolean teaches(UUID classGroupId) {
        return count("select count(*) from teaching_assignment where teacher_id = ?1 and class_group_id = ?2 and ended_at is null",
                me.personId(), classGroupId) > 0;
    }

    /** The pupil is today in a class, or in a group, that the caller teaches. */
    public boolean teachesPupil(UUID pupilId) {
        return count("""
                select count(*) from enrolment e
                where e.pupil_id = ?2 and not e.withdrawn and e.starts_on <= ?3 and (e.ends_on is null or e.ends_on >= ?3)
                  and exists (select 1 from teaching_assignment t where t.teacher_id = ?1 and t.ended_at is null
                              and (t.class_group_id = e.class_id
                                   or t.class_group_id in (select g.group_id from enrolment_group g where g.enrolment_id = e.id)))
                """, me.personId(), pupilId, clock.today()) > 0;
    }

    private long count(String sql, Object... params) {
        if (!me.isPerson()) return 0;
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
        return ((Number) q.getSingleResult()).longValue();
    }
}
