package fr.ent.identity.access;

import fr.ent.web.clock.SchoolClock;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.person.Person;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see or change what, by relationship (the resource's @RolesAllowed has already checked
 * the role). Every rule of the service is here, so that a new endpoint cannot forget the school.
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
 * A person may belong to several schools (a guardian with a child in each, a teacher in two
 * schools): what is shown of them to the staff of one school is only what belongs to that school
 * ({@link #schoolsShownOf}, {@link #seesPerson} for each related person).
 */
@ApplicationScoped
public class Access {

    /** Realm role that lets a school integration make the changes its school's staff may make. */
    public static final String INTEGRATION_WRITE = "integration-write";

    @Inject CurrentUser me;
    @Inject SchoolClock clock;
    @Inject EntityManager em;

    public boolean isAdmin() {
        return me.isAdmin();
    }

    /** A school integration's service account: no person, role service, bound to its token's schools. */
    public boolean isIntegration() {
        return !me.isPerson() && me.hasRole(CurrentUser.SERVICE);
    }

    /** The caller's person id, or null for a service account. */
    public UUID personId() {
        return me.isPerson() ? me.personId() : null;
    }

    public boolean isMe(UUID personId) {
        return me.isPerson() && me.personId().equals(personId);
    }

    public boolean isStaffOf(UUID schoolId) {
        return me.isPerson() && me.hasRole(CurrentUser.STAFF) && me.belongsTo(schoolId);
    }

    /** A school integration bound to this school. */
    public boolean isIntegrationOf(UUID schoolId) {
        return isIntegration() && me.belongsTo(schoolId);
    }

    /** Reads the whole directory of the school (all its people, classes, enrolments): admin, its staff, its integrations. */
    public boolean readsSchool(UUID schoolId) {
        return isAdmin() || isStaffOf(schoolId) || isIntegrationOf(schoolId);
    }

    /** Changes the school's directory: admin, its staff, its integrations granted {@value #INTEGRATION_WRITE}. */
    public boolean managesSchool(UUID schoolId) {
        return isAdmin() || isStaffOf(schoolId) || (isIntegrationOf(schoolId) && me.hasRole(INTEGRATION_WRITE));
    }

    /** Knows the school exists: admin and the members of the school. */
    public boolean seesSchool(UUID schoolId) {
        return isAdmin() || me.belongsTo(schoolId);
    }

    public void requireSeesSchool(UUID schoolId) {
        if (!seesSchool(schoolId)) throw Problems.notFound("No school " + schoolId);
    }

    /** 404 unless the caller reads the school's directory. */
    public void requireReadsSchool(UUID schoolId) {
        if (!readsSchool(schoolId)) throw Problems.notFound("No school " + schoolId);
    }

    /** 404 if the school is not the caller's at all, 403 if it is but they may not change it. */
    public void requireManagesSchool(UUID schoolId) {
        requireSeesSchool(schoolId);
        if (!managesSchool(schoolId)) throw Problems.forbidden("Only the school's staff may change this");
    }

    /** The person is in a school whose directory the caller reads. */
    public boolean readsSchoolOf(Person p) {
        return isAdmin() || p.schoolIds.stream().anyMatch(this::readsSchool);
    }

    public boolean managesPerson(Person p) {
        return isAdmin() || p.schoolIds.stream().anyMatch(this::managesSchool);
    }

    public boolean seesPerson(Person p) {
        if (isAdmin() || isMe(p.id) || readsSchoolOf(p)) return true;
        if (p.role == PersonRole.PUPIL) {
            if (me.hasRole(CurrentUser.PARENT) && isGuardianOf(p.id)) return true;
            if (me.hasRole(CurrentUser.TEACHER) && teachesPupil(p.id)) return true;
        }
        return false;
    }

    /** The caller is, with a parent's token, a guardian of this pupil. */
    public boolean isGuardianOfPupil(Person p) {
        return p.role == PersonRole.PUPIL && me.hasRole(CurrentUser.PARENT) && isGuardianOf(p.id);
    }

    /**
     * Of a person's schools, those in which the caller may see them (their school ids, enrolments,
     * teaching, children): all of them for an administrator, the person themself and a pupil's
     * guardians; for anyone else only the schools the caller belongs to. The staff of one school
     * thus learn nothing of a parent's or a teacher's life in another school.
     */
    public Set<UUID> schoolsShownOf(Person p) {
        if (isAdmin() || isMe(p.id) || isGuardianOfPupil(p)) return Set.copyOf(p.schoolIds);
        Set<UUID> shown = new LinkedHashSet<>();
        for (UUID s : p.schoolIds) if (me.belongsTo(s)) shown.add(s);
        return shown;
    }

    public Person requireSeesPerson(Person p, UUID id) {
        if (p == null || !seesPerson(p)) throw Problems.notFound("No person " + id);
        return p;
    }

    public void requireManagesPerson(Person p) {
        if (!managesPerson(p)) {
            if (seesPerson(p)) throw Problems.forbidden("Only the school's staff may change this person");
            throw Problems.notFound("No person " + p.id);
        }
    }

    /**
     * The person named in a change (the pupil of an enrolment, the guardian and the pupil of a
     * guardianship, the teacher of an assignment), checked before anything else: 404 when they do
     * not exist, have another role, or are not the caller's (nothing else is checked or revealed
     * first); 403 when the caller sees them but may not change them.
     */
    public Person requireManagedPerson(String field, UUID id, PersonRole role) {
        if (id == null) throw Problems.invalidField(field, "is required");
        Person p = Person.findById(id);
        if (p == null || p.role != role || !seesPerson(p)) throw Problems.notFound("No " + role.name().toLowerCase() + " " + id);
        requireManagesPerson(p);
        return p;
    }

    /** Class lists: the school's staff and integrations, and the teachers who teach that class or group. */
    public boolean seesRoster(ClassGroup c) {
        return readsSchool(c.schoolId) || (me.hasRole(CurrentUser.TEACHER) && teaches(c.id));
    }

    public void requireSeesRoster(ClassGroup c, UUID id) {
        if (c == null || !seesRoster(c)) throw Problems.notFound("No class or group " + id);
    }

    public boolean sharesSchool(Collection<UUID> schoolIds) {
        return schoolIds.stream().anyMatch(me::belongsTo);
    }

    public boolean isGuardianOf(UUID pupilId) {
        return count("select count(*) from guardianship where guardian_id = ?1 and pupil_id = ?2 and ended_at is null",
                me.personId(), pupilId) > 0;
    }

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
