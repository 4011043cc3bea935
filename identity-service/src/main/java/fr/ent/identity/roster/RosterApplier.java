package fr.ent.identity.roster;

import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.classes.Subject;
import fr.ent.identity.enrolment.Enrolment;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.guardianship.Guardianship;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonExternalId;
import fr.ent.identity.person.Usernames;
import fr.ent.identity.provisioning.Provisioning;
import fr.ent.identity.roster.Roster.ClassRow;
import fr.ent.identity.roster.Roster.GuardianRow;
import fr.ent.identity.roster.Roster.PupilRow;
import fr.ent.identity.roster.Roster.Service;
import fr.ent.identity.roster.Roster.TeacherRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Brings a school's directory in line with its roster, inside the caller's transaction: creates
 * what is new, updates what differs, leaves the rest untouched (so a second import of the same
 * files changes nothing), and publishes an event for every change. It never deletes: people who
 * left are disabled by hand. Everything that exists is read up front, so Hibernate writes it all
 * in JDBC batches at flush time.
 */
@ApplicationScoped
class RosterApplier {

    interface Progress {
        void at(String phase, int processed);
    }

    @Inject EntityManager em;
    @Inject IdentityEvents events;
    @Inject Provisioning provisioning;

    private static final int PROGRESS_EVERY = 250;

    /** One run: the school's current state and what the rows do to it. */
    private final class Run {
        final UUID schoolId;
        final String schoolYear;
        final LocalDate startsOn;
        final Progress progress;
        final ImportReport report = new ImportReport();
        final OffsetDateTime now = OffsetDateTime.now();
        int processed;

        final Map<String, ClassGroup> classes = new HashMap<>();
        final Map<String, Subject> subjects = new HashMap<>();
        final Map<PersonRole, Map<String, UUID>> externalIds = new HashMap<>();
        final Map<UUID, Person> people = new HashMap<>();
        final Map<UUID, Enrolment> openEnrolments = new HashMap<>();
        final Map<String, Guardianship> guardianships = new HashMap<>();
        final Set<String> assignments = new HashSet<>();
        final Set<String> usernames = new HashSet<>();

        Run(UUID schoolId, String schoolYear, LocalDate startsOn, Progress progress) {
            this.schoolId = schoolId;
            this.schoolYear = schoolYear;
            this.startsOn = startsOn;
            this.progress = progress;
        }

        void step(String phase) {
            if (++processed % PROGRESS_EVERY == 0) progress.at(phase, processed);
        }
    }

    ImportReport apply(UUID schoolId, String schoolYear, LocalDate startsOn, Roster roster, Progress progress) {
        Run run = new Run(schoolId, schoolYear, startsOn, progress);
        load(run, roster);
        progress.at("classes", 0);
        for (ClassRow row : roster.classes()) {
            classRow(run, row);
            run.step("classes");
        }
        for (TeacherRow t : roster.teachers()) for (Service s : t.services()) subject(run, s.subject());
        progress.at("pupils", run.processed);
        for (PupilRow row : roster.pupils()) {
            pupilRow(run, row);
            run.step("pupils");
        }
        progress.at("guardians", run.processed);
        for (GuardianRow row : roster.guardians()) {
            guardianRow(run, row);
            run.step("guardians");
        }
        progress.at("teachers", run.processed);
        for (TeacherRow row : roster.teachers()) {
            teacherRow(run, row);
            run.step("teachers");
        }
        progress.at("writing", run.processed);
        em.flush();
        return run.report;
    }

    // --- Reading the current state, before any write

    private void load(Run run, Roster roster) {
        for (ClassGroup c : ClassGroup.<ClassGroup>list("schoolId = ?1 and schoolYear = ?2", run.schoolId, run.schoolYear)) {
            run.classes.put(c.code, c);
        }
        for (Subject s : Subject.<Subject>list("schoolId", run.schoolId)) run.subjects.put(s.code, s);
        for (PersonExternalId x : PersonExternalId.<PersonExternalId>list("schoolId", run.schoolId)) {
            run.externalIds.computeIfAbsent(x.role, r -> new HashMap<>()).put(x.externalId, x.personId);
        }
        em.createQuery("""
                        select distinct p from Person p left join fetch p.schoolIds
                        where p.id in (select x.personId from PersonExternalId x where x.schoolId = ?1)""", Person.class)
                .setParameter(1, run.schoolId).getResultList().forEach(p -> run.people.put(p.id, p));
        for (Enrolment e : em.createQuery("""
                        select distinct e from Enrolment e left join fetch e.groupIds
                        where e.schoolId = ?1 and e.withdrawn = false and (e.endsOn is null or e.endsOn >= ?2)""", Enrolment.class)
                .setParameter(1, run.schoolId).setParameter(2, run.startsOn).getResultList()) {
            run.openEnrolments.merge(e.pupilId, e, (a, b) -> a.startsOn.isAfter(b.startsOn) ? a : b);
        }
        for (Guardianship g : em.createQuery("""
                        select g from Guardianship g where g.endedAt is null and g.guardianId in
                        (select x.personId from PersonExternalId x where x.schoolId = ?1 and x.role = ?2)""", Guardianship.class)
                .setParameter(1, run.schoolId).setParameter(2, PersonRole.PARENT).getResultList()) {
            run.guardianships.put(g.guardianId + "|" + g.pupilId, g);
        }
        for (var t : fr.ent.identity.teaching.TeachingAssignment.<fr.ent.identity.teaching.TeachingAssignment>list(
                "schoolId = ?1 and endedAt is null", run.schoolId)) {
            run.assignments.add(t.teacherId + "|" + t.classGroupId + "|" + t.subjectId);
        }
        reserveUsernames(run, roster);
    }

    /** Reads every taken sign-in name that a new person of this roster could clash with, in one query. */
    @SuppressWarnings("unchecked")
    private void reserveUsernames(Run run, Roster roster) {
        Set<String> bases = new HashSet<>();
        roster.pupils().stream().filter(p -> !known(run, PersonRole.PUPIL, p.id()))
                .forEach(p -> bases.add(Usernames.base(p.firstName(), p.lastName())));
        roster.guardians().stream().filter(g -> !known(run, PersonRole.PARENT, g.id()))
                .forEach(g -> bases.add(Usernames.base(g.firstName(), g.lastName())));
        roster.teachers().stream().filter(t -> !known(run, PersonRole.TEACHER, t.id()))
                .forEach(t -> bases.add(Usernames.base(t.firstName(), t.lastName())));
        if (bases.isEmpty()) return;
        List<String> all = new ArrayList<>(bases);
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
            run.usernames.addAll(em.createNativeQuery(
                            "select username from person where regexp_replace(username, '[0-9]+$', '') in (?1)")
                    .setParameter(1, chunk).getResultList());
        }
    }

    private static boolean known(Run run, PersonRole role, String externalId) {
        return run.externalIds.getOrDefault(role, Map.of()).containsKey(externalId);
    }

    // --- Rows

    private void classRow(Run run, ClassRow row) {
        ClassGroup c = run.classes.get(row.code());
        if (c == null) {
            c = new ClassGroup();
            c.id = UUID.randomUUID();
            c.schoolId = run.schoolId;
            c.code = row.code();
            c.schoolYear = run.schoolYear;
            c.kind = row.kind();
            c.name = row.name();
            c.level = row.level();
            c.version = 1;
            c.persist();
            run.classes.put(c.code, c);
            events.classGroup(c);
            run.report.created("classes");
        } else if (c.kind != row.kind() || !c.name.equals(row.name()) || !Objects.equals(c.level, row.level())) {
            c.kind = row.kind();
            c.name = row.name();
            c.level = row.level();
            c.version++;
            events.classGroup(c);
            run.report.updated("classes");
        } else {
            run.report.unchanged("classes");
        }
    }

    private Subject subject(Run run, String code) {
        Subject s = run.subjects.get(code);
        if (s == null) {
            s = new Subject();
            s.id = UUID.randomUUID();
            s.schoolId = run.schoolId;
            s.code = code;
            s.name = code;
            s.persist();
            run.subjects.put(code, s);
            run.report.created("subjects");
        }
        return s;
    }

    private void pupilRow(Run run, PupilRow row) {
        Person p = person(run, PersonRole.PUPIL, "pupils", row.id(), row.firstName(), row.lastName(), null, row.birthDate());
        ClassGroup c = run.classes.get(row.classCode());
        Set<UUID> groups = new LinkedHashSet<>();
        for (String g : row.groupCodes()) groups.add(run.classes.get(g).id);
        Enrolment e = run.openEnrolments.get(p.id);
        if (e == null) {
            run.openEnrolments.put(p.id, enrol(run, p.id, c, groups));
            run.report.created("enrolments");
        } else if (e.classId.equals(c.id)) {
            if (e.groupIds.equals(groups)) {
                run.report.unchanged("enrolments");
            } else {
                e.groupIds.clear();
                e.groupIds.addAll(groups);
                e.version++;
                events.enrolment(e);
                run.report.updated("enrolments");
            }
        } else if (!e.startsOn.isBefore(run.startsOn)) {
            // Started on the import day or later: a correction of that enrolment, not a change of class.
            e.classId = c.id;
            e.groupIds.clear();
            e.groupIds.addAll(groups);
            e.version++;
            events.enrolment(e);
            run.report.updated("enrolments");
        } else {
            e.endsOn = run.startsOn.minusDays(1);
            e.version++;
            events.enrolment(e);
            run.report.ended("enrolments");
            run.openEnrolments.put(p.id, enrol(run, p.id, c, groups));
            run.report.created("enrolments");
        }
    }

    private Enrolment enrol(Run run, UUID pupilId, ClassGroup c, Set<UUID> groups) {
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.pupilId = pupilId;
        e.schoolId = run.schoolId;
        e.classId = c.id;
        e.groupIds = groups;
        e.startsOn = run.startsOn;
        e.version = 1;
        e.persist();
        events.enrolment(e);
        return e;
    }

    private void guardianRow(Run run, GuardianRow row) {
        Person g = person(run, PersonRole.PARENT, "guardians", row.id(), row.firstName(), row.lastName(), row.email(), null);
        Map<String, UUID> pupils = run.externalIds.getOrDefault(PersonRole.PUPIL, Map.of());
        for (String pupilExternalId : row.pupilIds()) {
            UUID pupilId = pupils.get(pupilExternalId);
            String key = g.id + "|" + pupilId;
            Guardianship link = run.guardianships.get(key);
            if (link == null) {
                link = new Guardianship();
                link.id = UUID.randomUUID();
                link.guardianId = g.id;
                link.pupilId = pupilId;
                link.legalResponsibility = row.legal();
                link.receivesCommunications = row.communications();
                link.version = 1;
                link.persist();
                run.guardianships.put(key, link);
                events.guardianship(link);
                run.report.created("guardianships");
            } else if (link.legalResponsibility != row.legal() || link.receivesCommunications != row.communications()) {
                link.legalResponsibility = row.legal();
                link.receivesCommunications = row.communications();
                link.version++;
                events.guardianship(link);
                run.report.updated("guardianships");
            } else {
                run.report.unchanged("guardianships");
            }
        }
    }

    private void teacherRow(Run run, TeacherRow row) {
        Person t = person(run, PersonRole.TEACHER, "teachers", row.id(), row.firstName(), row.lastName(), row.email(), null);
        for (Service s : row.services()) {
            ClassGroup c = run.classes.get(s.classCode());
            Subject subject = subject(run, s.subject());
            String key = t.id + "|" + c.id + "|" + subject.id;
            if (run.assignments.add(key)) {
                var a = new fr.ent.identity.teaching.TeachingAssignment();
                a.id = UUID.randomUUID();
                a.teacherId = t.id;
                a.schoolId = run.schoolId;
                a.classGroupId = c.id;
                a.subjectId = subject.id;
                a.version = 1;
                a.persist();
                events.teaching(a, subject.code);
                run.report.created("teachingAssignments");
            } else {
                run.report.unchanged("teachingAssignments");
            }
        }
    }

    /**
     * The person this school knows by that external id, created or brought up to date. Empty
     * optional columns (e-mail, birth date) leave what the directory has.
     */
    private Person person(Run run, PersonRole role, String kind, String externalId, String firstName, String lastName,
                          String email, LocalDate birthDate) {
        Map<String, UUID> ids = run.externalIds.computeIfAbsent(role, r -> new HashMap<>());
        UUID id = ids.get(externalId);
        if (id == null) {
            Person p = new Person();
            p.id = UUID.randomUUID();
            p.role = role;
            p.firstName = firstName;
            p.lastName = lastName;
            p.email = email;
            p.birthDate = birthDate;
            p.username = allocate(run, firstName, lastName);
            p.active = true;
            p.schoolIds = new LinkedHashSet<>(Set.of(run.schoolId));
            p.version = 1;
            p.createdAt = p.updatedAt = run.now;
            p.persist();
            PersonExternalId x = new PersonExternalId();
            x.id = UUID.randomUUID();
            x.schoolId = run.schoolId;
            x.role = role;
            x.externalId = externalId;
            x.personId = p.id;
            x.persist();
            ids.put(externalId, p.id);
            run.people.put(p.id, p);
            events.person(p);
            if (p.email != null) events.contact(p);
            provisioning.request(p, null);
            run.report.created(kind);
            return p;
        }
        Person p = run.people.get(id);
        boolean emailChanged = email != null && !email.equals(p.email);
        boolean changed = emailChanged || !firstName.equals(p.firstName) || !lastName.equals(p.lastName)
                || (birthDate != null && !birthDate.equals(p.birthDate)) || !p.schoolIds.contains(run.schoolId);
        if (!changed) {
            run.report.unchanged(kind);
            return p;
        }
        p.firstName = firstName;
        p.lastName = lastName;
        if (email != null) p.email = email;
        if (birthDate != null) p.birthDate = birthDate;
        p.schoolIds.add(run.schoolId);
        p.version++;
        p.updatedAt = run.now;
        events.person(p);
        if (emailChanged) events.contact(p);
        provisioning.request(p, null);
        run.report.updated(kind);
        return p;
    }

    private String allocate(Run run, String firstName, String lastName) {
        String base = Usernames.base(firstName, lastName);
        if (base.isEmpty()) base = "user";
        String candidate = base;
        for (int n = 2; run.usernames.contains(candidate); n++) candidate = base + n;
        run.usernames.add(candidate);
        return candidate;
    }
}
