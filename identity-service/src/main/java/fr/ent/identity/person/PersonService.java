package fr.ent.identity.person;

import fr.ent.audit.AuditTrail;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.identity.common.Checks;
import fr.ent.identity.common.Page;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.provisioning.Provisioning;
import fr.ent.identity.school.SchoolRepository;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PersonService {

    /**
     * A new person. {@code username} and {@code initialPassword} are for administrators (demo and
     * tests); otherwise the sign-in name is made from the names and the password is set by the
     * account activation.
     */
    public record PersonInput(String role, String firstName, String lastName, String email, LocalDate birthDate,
                              Set<UUID> schoolIds, String username, String initialPassword) {
    }

    /** What a caller may read of a person (see {@link PersonService#view}). */
    public record PersonView(UUID id, PersonRole role, String firstName, String lastName, String username,
                             String email, LocalDate birthDate, Set<UUID> schoolIds, boolean active, long version) {
    }

    private final Access access;
    private final PersonAccess personAccess;
    private final SchoolClock clock;
    private final CurrentUser me;
    private final IdentityEvents events;
    private final Provisioning provisioning;
    private final Usernames usernames;
    private final AuditTrail audit;
    private final PersonRepository people;
    private final SchoolRepository schools;

    public PersonService(Access access, PersonAccess personAccess, SchoolClock clock, CurrentUser me, IdentityEvents events,
                         Provisioning provisioning, Usernames usernames, AuditTrail audit, PersonRepository people,
                         SchoolRepository schools) {
        this.access = access;
        this.personAccess = personAccess;
        this.clock = clock;
        this.me = me;
        this.events = events;
        this.provisioning = provisioning;
        this.usernames = usernames;
        this.audit = audit;
        this.people = people;
        this.schools = schools;
    }

    @Transactional
    public PersonView create(PersonInput in) {
        if (in == null) throw Problems.badRequest("body-required", "A person is required");
        PersonRole role = Checks.oneOf("role", PersonRole.class, in.role());
        if (role == PersonRole.ADMIN && !me.isAdmin()) throw Problems.forbidden("Only an administrator may create an administrator");
        // An inspector (IA-IPR) answers to the rectorat, not to a school: the region's admin assigns them.
        if (role == PersonRole.INSPECTOR && !me.isAdmin()) throw Problems.forbidden("Only an administrator may create an inspector");
        if ((in.initialPassword() != null || in.username() != null) && !me.isAdmin()) {
            throw Problems.forbidden("Only an administrator may choose a username or a password");
        }
        Set<UUID> schoolIds = in.schoolIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(in.schoolIds());
        if (schoolIds.isEmpty() && !me.isAdmin()) throw Problems.invalidField("schoolIds", "must name at least one school");
        if (schoolIds.isEmpty() && role == PersonRole.INSPECTOR) throw Problems.invalidField("schoolIds", "an inspector is assigned to at least one school");
        for (UUID s : schoolIds) {
            if (schools.findById(s) == null || !access.seesSchool(s)) throw Problems.invalidField("schoolIds", "unknown school " + s);
            if (!me.changesAsStaffOf(s)) throw Problems.forbidden("Only the school's staff may add people to it");
        }
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.role = role;
        fill(p, in.firstName(), in.lastName(), in.email(), in.birthDate());
        p.schoolIds = schoolIds;
        if (in.username() != null) {
            p.username = Checks.required("username", in.username(), 120).toLowerCase();
            if (people.usernameTaken(p.username)) throw Problems.conflict("username-taken", "Username " + p.username + " is taken");
        } else {
            p.username = usernames.allocate(p.firstName, p.lastName, new HashSet<>());
        }
        String password = Checks.optional("initialPassword", in.initialPassword(), 200);
        p.active = true;
        p.version = 1;
        p.createdAt = p.updatedAt = OffsetDateTime.now();
        people.persist(p);
        published(p, p.email != null);
        provisioning.request(p, password);
        return view(p);
    }

    @Transactional
    public PersonView update(UUID id, PersonInput in) {
        Person p = personAccess.requireSeesPerson(id);
        personAccess.requireManagesPerson(p);
        if (in == null) throw Problems.badRequest("body-required", "A person is required");
        if (in.role() != null && Checks.oneOf("role", PersonRole.class, in.role()) != p.role) {
            throw Problems.invalidField("role", "cannot change; create another person");
        }
        String oldEmail = p.email;
        boolean changed = fill(p, in.firstName() == null ? p.firstName : in.firstName(),
                in.lastName() == null ? p.lastName : in.lastName(),
                in.email() == null ? p.email : in.email(), in.birthDate() == null ? p.birthDate : in.birthDate());
        if (in.schoolIds() != null && me.isAdmin() && !in.schoolIds().equals(p.schoolIds)) {
            p.schoolIds.clear();
            p.schoolIds.addAll(in.schoolIds());
            changed = true;
        }
        if (changed) changed(p, !Objects.equals(oldEmail, p.email));
        return view(p);
    }

    @Transactional
    public PersonView setActive(UUID id, boolean active) {
        Person p = personAccess.requireSeesPerson(id);
        personAccess.requireManagesPerson(p);
        if (p.active != active) {
            p.active = active;
            changed(p, false);
        }
        return view(p);
    }

    /** After any change: bump the version, publish, and have Keycloak follow. */
    public void changed(Person p, boolean emailChanged) {
        p.version++;
        p.updatedAt = OffsetDateTime.now();
        published(p, emailChanged);
        provisioning.request(p, null);
    }

    /** The person's event, and their contact's when it is new or changed: once per school of theirs. */
    public void published(Person p, boolean contact) {
        events.publish(p.event(), p.schoolIds);
        if (contact) events.publish(p.contactEvent(), p.schoolIds);
    }

    /** Adds a school to a person's (a pupil enrolled, a guardian of a pupil there, a teacher teaching there). */
    public void joinSchools(Person p, Set<UUID> schoolIds) {
        if (!p.schoolIds.containsAll(schoolIds)) {
            p.schoolIds.addAll(schoolIds);
            changed(p, false);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonView get(UUID id) {
        Person p = personAccess.requireSeesPerson(id);
        if (p.role == PersonRole.PUPIL) audit.read(audit.schoolOf(p.schoolIds), p.id, "identity.person.read");
        return view(p);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PersonView> list(UUID schoolId, String role, String q, int page, int size) {
        Set<UUID> mine = null;
        if (schoolId != null) {
            access.requireReadsSchool(schoolId);
        } else if (!me.isAdmin()) {
            // staff and integrations: the people of the schools whose directory they read
            mine = me.schoolIds().stream().filter(me::readsAsStaffOf).collect(Collectors.toSet());
            if (mine.isEmpty()) return new Page<>(List.of(), page, size, 0);
        }
        PersonRole r = role == null ? null : Checks.oneOf("role", PersonRole.class, role);
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase();
        var query = people.search(schoolId, mine, r, text);
        List<PersonView> items = query.page(page, size).list().stream().map(this::view).toList();
        return new Page<>(items, page, size, query.count());
    }

    /**
     * What the caller may read of a person they see: e-mail and birth date for the schools that
     * read the person's directory, the person and a pupil's guardians; the schools only those the
     * caller may see them in ({@link PersonAccess#schoolsShownOf}).
     */
    public PersonView view(Person p) {
        boolean full = access.isMe(p.id) || personAccess.readsSchoolOf(p) || personAccess.isGuardianOfPupil(p);
        return new PersonView(p.id, p.role, p.firstName, p.lastName, p.username,
                full ? p.email : null, full ? p.birthDate : null, personAccess.schoolsShownOf(p), p.active, p.version);
    }

    /** Sets the names and personal data; true if anything changed. */
    boolean fill(Person p, String firstName, String lastName, String email, LocalDate birthDate) {
        String f = Checks.required("firstName", firstName, 100);
        String l = Checks.required("lastName", lastName, 100);
        String e = Checks.email("email", email);
        if (e != null && p.role == PersonRole.PUPIL) throw Problems.invalidField("email", "pupils have no e-mail address here");
        if (birthDate != null && p.role != PersonRole.PUPIL) throw Problems.invalidField("birthDate", "is kept for pupils only");
        if (birthDate != null && birthDate.isAfter(clock.today())) throw Problems.invalidField("birthDate", "must be in the past");
        boolean changed = !f.equals(p.firstName) || !l.equals(p.lastName) || !Objects.equals(e, p.email)
                || !Objects.equals(birthDate, p.birthDate);
        p.firstName = f;
        p.lastName = l;
        p.email = e;
        p.birthDate = birthDate;
        return changed;
    }
}
