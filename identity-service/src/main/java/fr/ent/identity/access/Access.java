package fr.ent.identity.access;

import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.person.Person;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * Who may see or change what, by relationship (the resource's @RolesAllowed has already checked
 * the role). What the caller may not see answers 404, as if it did not exist; what they may see
 * but not change answers 403.
 */
@ApplicationScoped
public class Access {

    @Inject CurrentUser me;
    @Inject EntityManager em;

    public boolean isAdmin() {
        return me.isAdmin();
    }

    public boolean isService() {
        return me.hasRole("service");
    }

    /** The caller's person id, or null for a service account. */
    public UUID personId() {
        return me.isPerson() ? me.personId() : null;
    }

    public boolean isMe(UUID personId) {
        return me.isPerson() && me.personId().equals(personId);
    }

    /** Admin and service accounts read the whole directory. */
    public boolean readsEverything() {
        return isAdmin() || isService();
    }

    public boolean isStaffOf(UUID schoolId) {
        return me.hasRole("staff") && me.belongsTo(schoolId);
    }

    public boolean managesSchool(UUID schoolId) {
        return isAdmin() || isStaffOf(schoolId);
    }

    public boolean seesSchool(UUID schoolId) {
        return readsEverything() || me.belongsTo(schoolId);
    }

    public void requireSeesSchool(UUID schoolId) {
        if (!seesSchool(schoolId)) throw Problems.notFound("No school " + schoolId);
    }

    /** 404 if the school is not the caller's at all, 403 if it is but they may not change it. */
    public void requireManagesSchool(UUID schoolId) {
        requireSeesSchool(schoolId);
        if (!managesSchool(schoolId)) throw Problems.forbidden("Only the school's staff may change this");
    }

    public boolean managesPerson(Person p) {
        return isAdmin() || (me.hasRole("staff") && sharesSchool(p.schoolIds));
    }

    public boolean seesPerson(Person p) {
        if (readsEverything() || isMe(p.id) || managesPerson(p)) return true;
        if (p.role == PersonRole.PUPIL) {
            if (me.hasRole("parent") && isGuardianOf(p.id)) return true;
            if (me.hasRole("teacher") && teachesPupil(p.id)) return true;
        }
        return false;
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

    /** Class lists: the school's staff, and the teachers who teach that class or group. */
    public boolean seesRoster(ClassGroup c) {
        return readsEverything() || isStaffOf(c.schoolId) || (me.hasRole("teacher") && teaches(c.id));
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
                """, me.personId(), pupilId, LocalDate.now()) > 0;
    }

    private long count(String sql, Object... params) {
        if (!me.isPerson()) return 0;
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
        return ((Number) q.getSingleResult()).longValue();
    }
}
