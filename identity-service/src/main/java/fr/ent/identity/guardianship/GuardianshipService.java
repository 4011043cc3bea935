package fr.ent.identity.guardianship;

import fr.ent.audit.AuditTrail;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.identity.common.Checks;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonService;
import fr.ent.identity.person.PersonService.PersonView;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class GuardianshipService {

    public record GuardianshipInput(UUID guardianId, UUID pupilId, Boolean legalResponsibility,
                                    Boolean receivesCommunications) {
    }

    public record GuardianshipView(UUID id, UUID guardianId, UUID pupilId, boolean legalResponsibility,
                                   boolean receivesCommunications, long version) {
        static GuardianshipView of(Guardianship g) {
            return new GuardianshipView(g.id, g.guardianId, g.pupilId, g.legalResponsibility, g.receivesCommunications, g.version);
        }
    }

    /** A guardian or a child, with the link between them. */
    public record Relative(PersonView person, GuardianshipView guardianship) {
    }

    @Inject Access access;
    @Inject PersonService people;
    @Inject IdentityEvents events;
    @Inject AuditTrail audit;

    /**
     * Links a guardian to a pupil. Both must be the caller's (staff of their school): a person of
     * another school answers 404 before anything else, so a guardian of one school cannot be
     * pulled into another (that joins them to its school and shows them to its staff); an
     * administrator links a family across schools.
     */
    @Transactional
    public GuardianshipView create(GuardianshipInput in) {
        if (in == null) throw Problems.badRequest("body-required", "A guardianship is required");
        Person pupil = access.requireManagedPerson("pupilId", in.pupilId(), PersonRole.PUPIL);
        Person guardian = access.requireManagedPerson("guardianId", in.guardianId(), PersonRole.PARENT);
        if (Guardianship.count("guardianId = ?1 and pupilId = ?2 and endedAt is null", guardian.id, pupil.id) > 0) {
            throw Problems.conflict("guardianship-exists", "This guardian is already linked to this pupil");
        }
        Guardianship g = create(guardian, pupil, !Boolean.FALSE.equals(in.legalResponsibility()),
                !Boolean.FALSE.equals(in.receivesCommunications()));
        return GuardianshipView.of(g);
    }

    /** Records and publishes a guardianship; the guardian joins the pupil's schools. */
    public Guardianship create(Person guardian, Person pupil, boolean legal, boolean communications) {
        Guardianship g = new Guardianship();
        g.id = UUID.randomUUID();
        g.guardianId = guardian.id;
        g.pupilId = pupil.id;
        g.legalResponsibility = legal;
        g.receivesCommunications = communications;
        g.version = 1;
        g.persist();
        events.guardianship(g);
        audited(g, "created");
        people.joinSchools(guardian, pupil.schoolIds);
        return g;
    }

    @Transactional
    public GuardianshipView change(UUID id, GuardianshipInput in) {
        Guardianship g = managed(id);
        if (in == null) throw Problems.badRequest("body-required", "A change is required");
        boolean legal = in.legalResponsibility() == null ? g.legalResponsibility : in.legalResponsibility();
        boolean comms = in.receivesCommunications() == null ? g.receivesCommunications : in.receivesCommunications();
        if (legal != g.legalResponsibility || comms != g.receivesCommunications) {
            g.legalResponsibility = legal;
            g.receivesCommunications = comms;
            g.version++;
            events.guardianship(g);
            audited(g, "changed");
        }
        return GuardianshipView.of(g);
    }

    @Transactional
    public void end(UUID id) {
        Guardianship g = managed(id);
        g.endedAt = OffsetDateTime.now();
        g.version++;
        events.guardianship(g);
        audited(g, "ended");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Relative> guardiansOf(UUID pupilId) {
        Person pupil = access.requireSeesPerson(Person.findById(pupilId), pupilId);
        if (pupil.role != PersonRole.PUPIL) return List.of();
        // A teacher sees the class list, not the families.
        if (!access.readsSchoolOf(pupil) && !access.isMe(pupil.id) && !access.isGuardianOfPupil(pupil)) {
            throw Problems.notFound("No person " + pupilId);
        }
        audit.read(audit.schoolOf(pupil.schoolIds), pupil.id, "identity.guardians.read");
        return Guardianship.<Guardianship>list("pupilId = ?1 and endedAt is null", pupilId).stream()
                .map(g -> new Relative(people.view(Person.findById(g.guardianId)), GuardianshipView.of(g)))
                .sorted(Comparator.comparing(r -> r.person().lastName()))
                .toList();
    }

    /**
     * A guardian's children that the caller sees: all of them for the guardian and an
     * administrator; for the staff of a school, only the children they see (those of their
     * school), never a brother or sister in another school.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Relative> childrenOf(UUID guardianId) {
        access.requireSeesPerson(Person.findById(guardianId), guardianId);
        List<Map.Entry<Guardianship, Person>> children = Guardianship.<Guardianship>list(
                        "guardianId = ?1 and endedAt is null", guardianId).stream()
                .map(g -> Map.entry(g, Person.<Person>findById(g.pupilId)))
                .filter(child -> access.seesPerson(child.getValue()))
                .toList();
        children.forEach(c -> audit.read(audit.schoolOf(c.getValue().schoolIds), c.getKey().pupilId, "identity.children.read", guardianId));
        return children.stream()
                .map(child -> new Relative(people.view(child.getValue()), GuardianshipView.of(child.getKey())))
                .sorted(Comparator.comparing(r -> r.person().firstName()))
                .toList();
    }

    /** In the audit trail of the pupil's school, in the change's transaction. */
    private void audited(Guardianship g, String verb) {
        audit.changed(audit.schoolOf(Person.<Person>findById(g.pupilId).schoolIds), g.pupilId, "identity.guardianship." + verb, g.id);
    }

    private Guardianship managed(UUID id) {
        Guardianship g = Guardianship.findById(id);
        if (g == null || g.endedAt != null) throw Problems.notFound("No guardianship " + id);
        Person pupil = Person.findById(g.pupilId);
        if (!access.seesPerson(pupil)) throw Problems.notFound("No guardianship " + id);
        access.requireManagesPerson(pupil);
        return g;
    }
}
