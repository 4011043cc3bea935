package fr.ent.attendance.reason;

import fr.ent.directory.Relationships;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReasonService {

    private final ReasonRepository reasons;
    private final Relationships relationships;

    public ReasonService(ReasonRepository reasons, Relationships relationships) {
        this.reasons = reasons;
        this.relationships = relationships;
    }

    /**
     * Staff see every reason; the other people of the school see the active, non-confidential
     * ones. Anyone else, a guardian whose children are all in other schools included, gets a 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Reason> list(UUID schoolId, boolean everything) {
        if (everything) {
            relationships.requireStaffOf(schoolId);
            return reasons.ofSchool(schoolId);
        }
        relationships.requireMemberOf(schoolId);
        return reasons.ofSchool(schoolId).stream().filter(r -> r.active() && !r.confidential()).toList();
    }

    @Transactional
    public Reason create(UUID schoolId, ReasonInput in) {
        relationships.requireStaffOf(schoolId);
        Reason reason = new Reason(UUID.randomUUID(), schoolId, in.code(), in.label(), in.justifying(), in.confidential(),
                in.active() == null || in.active());
        if (!reasons.insert(reason)) {
            throw Problems.conflict("reason-code-taken", "Un motif avec le code " + in.code() + " existe déjà.");
        }
        return reason;
    }

    @Transactional
    public Reason update(UUID schoolId, UUID reasonId, ReasonInput in) {
        relationships.requireStaffOf(schoolId);
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
