package fr.ent.identity.roster;

import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.classes.ClassGroupRepository;
import fr.ent.identity.classes.Subject;
import fr.ent.identity.classes.SubjectRepository;
import fr.ent.identity.enrolment.Enrolment;
import fr.ent.identity.enrolment.EnrolmentRepository;
import fr.ent.identity.enrolment.EnrolmentService;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.guardianship.Guardianship;
import fr.ent.identity.guardianship.GuardianshipRepository;
import fr.ent.identity.guardianship.GuardianshipService;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonExternalId;
import fr.ent.identity.person.PersonExternalIdRepository;
import fr.ent.identity.person.PersonRepository;
import fr.ent.identity.person.PersonService;
import fr.ent.identity.person.Usernames;
import fr.ent.identity.provisioning.Provisioning;
import fr.ent.identity.roster.Roster.ClassRow;
import fr.ent.identity.roster.Roster.GuardianRow;
import fr.ent.identity.roster.Roster.PupilRow;
import fr.ent.identity.roster.Roster.Service;
import fr.ent.identity.roster.Roster.TeacherRow;
import fr.ent.identity.teaching.TeachingAssignment;
import fr.ent.identity.teaching.TeachingAssignmentRepository;
import fr.ent.identity.teaching.TeachingService;
import jakarta.enterprise.context.ApplicationScoped;

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

    private static final int PROGRESS_EVERY = 250;

    private final IdentityEvents events;
    private final Provisioning provisioning;
    private final PersonService personService;
    private final EnrolmentService enrolmentService;
    private final GuardianshipService guardianshipService;
    private final TeachingService teachingService;
    private final ClassGroupRepository classes;
    private final SubjectRepository subjects;
    private final PersonRepository people;
    private final PersonExternalIdRepository externalIds;
    private final EnrolmentRepository enrolments;
    private final GuardianshipRepository guardianships;
    private final TeachingAssignmentRepository assignments;

    RosterApplier(IdentityEvents events, Provisioning provisioning, PersonService personService,
                  EnrolmentService enrolmentService, GuardianshipService guardianshipService, TeachingService teachingService,
                  ClassGroupRepository classes, SubjectRepository subjects, PersonRepository people,
                  PersonExternalIdRepository externalIds, EnrolmentRepository enrolments, GuardianshipRepository guardianships,
                  TeachingAssignmentRepository assignments) {
        this.events = events;
        this.provisioning = provisioning;
        this.personService = personService;
        this.enrolmentService = enrolmentService;
        this.guardianshipService = guardianshipService;
        this.teachingService = teachingService;
        this.classes = classes;
        this.subjects = subjects;
        this.people = people;
        this.externalIds = externalIds;
        this.enrolments = enrolments;
        this.guardianships = guardianships;
        this.assignments = assignments;
    }

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
        /** The current assignments by teacher|class|subject, for the professeur principal flag. */
        final Map<String, TeachingAssignment> assignmentRows = new HashMap<>();
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
        people.flush();
        return run.report;
    }

    // --- Reading the current state, before any write

    private void load(Run run, Roster roster) {
        for (ClassGroup c : classes.ofSchool(run.schoolId, run.schoolYear)) run.classes.put(c.code, c);
        for (Subject s : subjects.ofSchool(run.schoolId)) run.subjects.put(s.code, s);
        for (PersonExternalId x : externalIds.ofSchool(run.schoolId)) {
            run.externalIds.computeIfAbsent(x.role, r -> new HashMap<>()).put(x.externalId, x.personId);
        }
        people.withExternalIdIn(run.schoolId).forEach(p -> run.people.put(p.id, p));
        for (Enrolment e : enrolments.runningFromInSchool(run.schoolId, run.startsOn)) {
            run.openEnrolments.merge(e.pupilId, e, (a, b) -> a.startsOn.isAfter(b.startsOn) ? a : b);
        }
        for (Guardianship g : guardianships.currentOfSchoolGuardians(run.schoolId)) {
            run.guardianships.put(g.guardianId + "|" + g.pupilId, g);
        }
        for (TeachingAssignment t : assignments.currentOfSchool(run.schoolId)) {
            run.assignments.add(t.teacherId + "|" + t.classGroupId + "|" + t.subjectId);
            run.assignmentRows.put(t.teacherId + "|" + t.classGroupId + "|" + t.subjectId, t);
        }
        reserveUsernames(run, roster);
    }

    /** Reads every taken sign-in name that a new person of this roster could clash with, in one query. */
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
            run.usernames.addAll(people.usernamesOfBases(chunk));
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
            classes.persist(c);
            run.classes.put(c.code, c);
            events.publish(c.event());
            run.report.created("classes");
        } else if (c.kind != row.kind() || !c.name.equals(row.name()) || !Objects.equals(c.level, row.level())) {
            c.kind = row.kind();
            c.name = row.name();
            c.level = row.level();
            c.version++;
            events.publish(c.event());
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
            subjects.persist(s);
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
            run.openEnrolments.put(p.id, enrolmentService.create(p.id, c, groups, run.startsOn));
            run.report.created("enrolments");
        } else if (e.classId.equals(c.id)) {
            if (e.groupIds.equals(groups)) {
                run.report.unchanged("enrolments");
            } else {
                e.groupIds.clear();
                e.groupIds.addAll(groups);
                e.version++;
                events.publish(e.event());
                run.report.updated("enrolments");
            }
        } else if (!e.startsOn.isBefore(run.startsOn)) {
            // Started on the import day or later: a correction of that enrolment, not a change of class.
            e.classId = c.id;
            e.groupIds.clear();
            e.groupIds.addAll(groups);
            e.version++;
            events.publish(e.event());
            run.report.updated("enrolments");
        } else {
            e.endsOn = run.startsOn.minusDays(1);
            e.version++;
            events.publish(e.event());
            run.report.ended("enrolments");
            run.openEnrolments.put(p.id, enrolmentService.create(p.id, c, groups, run.startsOn));
            run.report.created("enrolments");
        }
    }

    private void guardianRow(Run run, GuardianRow row) {
        Person g = person(run, PersonRole.PARENT, "guardians", row.id(), row.firstName(), row.lastName(), row.email(), null);
        Map<String, UUID> pupils = run.externalIds.getOrDefault(PersonRole.PUPIL, Map.of());
        for (String pupilExternalId : row.pupilIds()) {
            UUID pupilId = pupils.get(pupilExternalId);
            String key = g.id + "|" + pupilId;
            Guardianship link = run.guardianships.get(key);
            if (link == null) {
                link = guardianshipService.link(g.id, pupilId, row.legal(), row.communications());
                run.guardianships.put(key, link);
                run.report.created("guardianships");
            } else if (link.legalResponsibility != row.legal() || link.receivesCommunications != row.communications()) {
                link.legalResponsibility = row.legal();
                link.receivesCommunications = row.communications();
                link.version++;
                guardianshipService.published(link);
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
            boolean headTeacher = row.headTeacherOf() != null && row.headTeacherOf().contains(s.classCode());
            if (run.assignments.add(key)) {
                // the teacher is already in the school (person() saw to it)
                run.assignmentRows.put(key, teachingService.create(t, c, subject, headTeacher));
                run.report.created("teachingAssignments");
            } else if (row.headTeacherOf() != null && run.assignmentRows.containsKey(key)
                    && run.assignmentRows.get(key).headTeacher != headTeacher) {
                // a file without the column leaves the flag as it is
                teachingService.headTeacher(run.assignmentRows.get(key), subject, headTeacher);
                run.report.updated("teachingAssignments");
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
            people.persist(p);
            PersonExternalId x = new PersonExternalId();
            x.id = UUID.randomUUID();
            x.schoolId = run.schoolId;
            x.role = role;
            x.externalId = externalId;
            x.personId = p.id;
            externalIds.persist(x);
            ids.put(externalId, p.id);
            run.people.put(p.id, p);
            personService.published(p, p.email != null);
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
        personService.published(p, emailChanged);
        provisioning.request(p, null);
        run.report.updated(kind);
        return p;
    }

    private String allocate(Run run, String firstName, String lastName) {
        String candidate = Usernames.firstFree(Usernames.baseOrUser(firstName, lastName), run.usernames::contains);
        run.usernames.add(candidate);
        return candidate;
    }
}
