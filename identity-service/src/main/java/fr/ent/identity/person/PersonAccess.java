package fr.ent.identity.person;

import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see or change a person. A person may belong to several schools (a guardian with a child
 * in each, a teacher in two schools): what is shown of them to the staff of one school is only what
 * belongs to that school ({@link #schoolsShownOf}, {@link #seesPerson} for each related person).
 * What the caller may not see answers 404; what they may see but not change, 403.
 */
@ApplicationScoped
public class PersonAccess {

    private final CurrentUser me;
    private final Access access;
    private final PersonRepository people;

    public PersonAccess(CurrentUser me, Access access, PersonRepository people) {
        this.me = me;
        this.access = access;
        this.people = people;
    }

    /** The person is in a school whose directory the caller reads. */
    public boolean readsSchoolOf(Person p) {
        return me.isAdmin() || p.schoolIds.stream().anyMatch(me::readsAsStaffOf);
    }

    /** The admin; the staff of one of the person's schools, except for an inspector, whom only the admin assigns. */
    public boolean managesPerson(Person p) {
        if (me.isAdmin()) return true;
        return p.role != PersonRole.INSPECTOR && p.schoolIds.stream().anyMatch(me::changesAsStaffOf);
    }

    public boolean seesPerson(Person p) {
        if (me.isAdmin() || access.isMe(p.id) || readsSchoolOf(p)) return true;
        if (p.role == PersonRole.PUPIL) {
            if (me.hasRole(CurrentUser.PARENT) && access.isGuardianOf(p.id)) return true;
            if (me.hasRole(CurrentUser.TEACHER) && access.teachesPupil(p.id)) return true;
        }
        return false;
    }

    /** The caller is, with a parent's token, a guardian of this pupil. */
    public boolean isGuardianOfPupil(Person p) {
        return p.role == PersonRole.PUPIL && me.hasRole(CurrentUser.PARENT) && access.isGuardianOf(p.id);
    }

    /**
     * Of a person's schools, those in which the caller may see them (their school ids, enrolments,
     * teaching, children): all of them for an administrator, the person themself and a pupil's
     * guardians; for anyone else only the schools the caller belongs to. The staff of one school
     * thus learn nothing of a parent's or a teacher's life in another school.
     */
    public Set<UUID> schoolsShownOf(Person p) {
        if (me.isAdmin() || access.isMe(p.id) || isGuardianOfPupil(p)) return Set.copyOf(p.schoolIds);
        Set<UUID> shown = new LinkedHashSet<>();
        for (UUID s : p.schoolIds) if (me.belongsTo(s)) shown.add(s);
        return shown;
    }

    /** The person, or 404 if they do not exist or the caller does not see them. */
    public Person requireSeesPerson(UUID id) {
        Person p = people.findById(id);
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
        Person p = people.findById(id);
        if (p == null || p.role != role || !seesPerson(p)) throw Problems.notFound("No " + role.name().toLowerCase() + " " + id);
        requireManagesPerson(p);
        return p;
    }
}
