package fr.ent.identity.guardianship;

import fr.ent.audit.AuditTrail;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonAccess;
import fr.ent.identity.person.PersonRepository;
import fr.ent.identity.person.PersonService;
import fr.ent.identity.person.PersonService.PersonView;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final Access access;
    private final PersonAccess personAccess;
    private final PersonService people;
    private final IdentityEvents events;
    private final AuditTrail audit;
    private final GuardianshipRepository guardianships;
    private final PersonRepository personRepository;

    public GuardianshipService(Access access, PersonAccess personAccess, PersonService people, IdentityEvents events,
                               AuditTrail audit, GuardianshipRepository guardianships, PersonRepository personRepository) {
        this.access = access;
        this.personAccess = personAccess;
        this.people = people;
        this.events = events;
        this.audit = audit;
        this.guardianships = guardianships;
        this.personRepository = personRepository;
    }

    /**
     * Links a guardian to a pupil. Both must be the caller's (staff of their school): a person of
     * another school answers 404 before anything else, so a guardian of one school cannot be
     * pulled into another (that joins them to its school and shows them to its staff); an
     * administrator links a family across schools.
     */
    @Transactional
    public GuardianshipView create(GuardianshipInput in) {
        if (in == null) throw Problems.badRequest("body-required", "A guardianship is required");
        Person pupil = personAccess.requireManagedPerson("pupilId", in.pupilId(), PersonRole.PUPIL);
        Person guardian = personAccess.requireManagedPerson("guardianId", in.guardianId(), PersonRole.PARENT);
        if (guardianships.isCurrent(guardian.id, pupil.id)) {
            throw Problems.conflict("guardianship-exists", "This guardian is already linked to this pupil");
        }
        Guardianship g = link(guardian.id, pupil.id, !Boolean.FALSE.equals(in.legalResponsibility()),
                !Boolean.FALSE.equals(in.receivesCommunications()));
        audited(g, "created");
        people.joinSchools(guardian, pupil.schoolIds);
        return GuardianshipView.of(g);
    }

    /** Records and publishes a guardianship (no checks: callers have made them). */
    public Guardianship link(UUID guardianId, UUID pupilId, boolean legal, boolean communications) {
        Guardianship g = new Guardianship();
        g.id = UUID.randomUUID();
        g.guardianId = guardianId;
        g.pupilId = pupilId;
        g.legalResponsibility = legal;
        g.receivesCommunications = communications;
        g.version = 1;
        guardianships.persist(g);
        published(g);
        return g;
    }

    /** A guardianship is the school's business where the pupil is: its events go to the pupil's schools. */
    public void published(Guardianship g) {
        Person pupil = personRepository.findById(g.pupilId);
        if (pupil == null || pupil.schoolIds.isEmpty()) {
            throw new IllegalStateException("guardianship of pupil " + g.pupilId + " who is in no school: "
                    + "its events would have no schoolid");
        }
        events.publish(g.event(), pupil.schoolIds);
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
            published(g);
            audited(g, "changed");
        }
        return GuardianshipView.of(g);
    }

    @Transactional
    public void end(UUID id) {
        Guardianship g = managed(id);
        g.endedAt = OffsetDateTime.now();
        g.version++;
        published(g);
        audited(g, "ended");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Relative> guardiansOf(UUID pupilId) {
        Person pupil = personAccess.requireSeesPerson(pupilId);
        if (pupil.role != PersonRole.PUPIL) return List.of();
        // A teacher sees the class list, not the families.
        if (!personAccess.readsSchoolOf(pupil) && !access.isMe(pupil.id) && !personAccess.isGuardianOfPupil(pupil)) {
            throw Problems.notFound("No person " + pupilId);
        }
        audit.read(audit.schoolOf(pupil.schoolIds), pupil.id, "identity.guardians.read");
        return guardianships.currentOfPupil(pupilId).stream()
                .map(g -> new Relative(people.view(personRepository.findById(g.guardianId)), GuardianshipView.of(g)))
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
        personAccess.requireSeesPerson(guardianId);
        List<Map.Entry<Guardianship, Person>> children = guardianships.currentOfGuardian(guardianId).stream()
                .map(g -> Map.entry(g, personRepository.findById(g.pupilId)))
                .filter(child -> personAccess.seesPerson(child.getValue()))
                .toList();
        children.forEach(c -> audit.read(audit.schoolOf(c.getValue().schoolIds), c.getKey().pupilId, "identity.children.read", guardianId));
        return children.stream()
                .map(child -> new Relative(people.view(child.getValue()), GuardianshipView.of(child.getKey())))
                .sorted(Comparator.comparing(r -> r.person().firstName()))
                .toList();
    }

    /** In the audit trail of the pupil's school, in the change's transaction. */
    private void audited(Guardianship g, String verb) {
        audit.changed(audit.schoolOf(personRepository.findById(g.pupilId).schoolIds), g.pupilId, "identity.guardianship." + verb, g.id);
    }

    private Guardianship managed(UUID id) {
        Guardianship g = guardianships.findById(id);
        if (g == null || g.endedAt != null) throw Problems.notFound("No guardianship " + id);
        Person pupil = personRepository.findById(g.pupilId);
        if (!personAccess.seesPerson(pupil)) throw Problems.notFound("No guardianship " + id);
        personAccess.requireManagesPerson(pupil);
        return g;
    }
}
