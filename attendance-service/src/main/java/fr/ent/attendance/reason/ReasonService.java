package fr.ent.attendance.reason;

import fr.ent.attendance.support.Access;
import fr.ent.directory.Directory;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ReasonService {

    private final ReasonRepository reasons;
    private final Access access;
    private final CurrentUser user;
    private final Directory directory;

    public ReasonService(ReasonRepository reasons, Access access, CurrentUser user, Directory directory) {
        this.reasons = reasons;
        this.access = access;
        this.user = user;
        this.directory = directory;
    }

    /**
     * Staff see every reason; the other people of the school see the active, non-confidential
     * ones. Anyone else, a guardian whose children are all in other schools included, gets a 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reason> list(UUID schoolId, boolean everything) {
        if (everything) {
            access.requireStaffOf(schoolId);
            return reasons.ofSchool(schoolId);
        }
        if (!isOfSchool(schoolId)) {
            throw Problems.notFound("Établissement introuvable.");
        }
        return reasons.ofSchool(schoolId).stream().filter(r -> r.active() && !r.confidential()).toList();
    }

    /**
     * Admin; the school's staff, teachers and pupils (the school in their token); a guardian with a
     * child in that school, as the directory knows it now (not the token: a guardian's schools are
     * those of their children).
     */
    private boolean isOfSchool(UUID schoolId) {
        if (user.isAdmin()) {
            return true;
        }
        if (user.hasRole(CurrentUser.PARENT)) {
            Set<UUID> children = directory.childrenOf(user.personId());
            return directory.people(children).values().stream().anyMatch(child -> child.schoolIds().contains(schoolId));
        }
        return (user.hasRole(CurrentUser.STAFF) || user.hasRole(CurrentUser.TEACHER) || user.hasRole(CurrentUser.PUPIL))
                && user.belongsTo(schoolId);
    }

    @Transactional
    public Reason create(UUID schoolId, ReasonInput in) {
        access.requireStaffOf(schoolId);
        Reason reason = new Reason(UUID.randomUUID(), schoolId, in.code(), in.label(), in.justifying(), in.confidential(),
                in.active() == null || in.active());
        if (!reasons.insert(reason)) {
            throw Problems.conflict("reason-code-taken", "Un motif avec le code " + in.code() + " existe déjà.");
        }
        return reason;
    }

    @Transactional
    public Reason update(UUID schoolId, UUID reasonId, ReasonInput in) {
        access.requireStaffOf(schoolId);
        Reason old = reasons.find(reasonId).filter(r -> r.schoolId().equals(schoolId))
                .orElseThrow(() -> Problems.notFound("Motif introuvable."));
        Reason changed = new Reason(old.id(), schoolId, old.code(), in.label(), in.justifying(), in.confidential(),
                in.active() == null || in.active());
        reasons.update(changed);
        return changed;
    }

    /** A reason of that school, usable now; a 422 on the named field otherwise. */
    public Reason usable(UUID schoolId, UUID reasonId, String field) {
        return reasons.find(reasonId).filter(r -> r.schoolId().equals(schoolId) && r.active())
                .orElseThrow(() -> Problems.invalidField(field, "motif inconnu dans cet établissement"));
    }
}
