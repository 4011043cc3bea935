package fr.ent.identity.enrolment;

import fr.ent.events.contract.identity.GroupKind;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.classes.ClassGroupRepository;
import fr.ent.identity.classes.ClassGroupService;
import fr.ent.identity.common.Checks;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonAccess;
import fr.ent.identity.person.PersonRepository;
import fr.ent.identity.person.PersonService;
import fr.ent.identity.person.PersonService.PersonView;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class EnrolmentService {

    public record EnrolInput(UUID pupilId, UUID classId, Set<UUID> groupIds, LocalDate startsOn) {
    }

    public record EnrolmentChange(Set<UUID> groupIds, LocalDate endsOn) {
    }

    public record EnrolmentView(UUID id, UUID pupilId, UUID schoolId, UUID classId, Set<UUID> groupIds,
                                LocalDate startsOn, LocalDate endsOn, boolean withdrawn, long version) {
        public static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.id, e.pupilId, e.schoolId, e.classId, Set.copyOf(e.groupIds), e.startsOn,
                    e.endsOn, e.withdrawn, e.version);
        }
    }

    private final Access access;
    private final PersonAccess personAccess;
    private final SchoolClock clock;
    private final ClassGroupService classes;
    private final PersonService people;
    private final IdentityEvents events;
    private final EnrolmentRepository enrolments;
    private final ClassGroupRepository classGroupRepository;
    private final PersonRepository personRepository;

    public EnrolmentService(Access access, PersonAccess personAccess, SchoolClock clock, ClassGroupService classes,
                            PersonService people, IdentityEvents events, EnrolmentRepository enrolments,
                            ClassGroupRepository classGroupRepository, PersonRepository personRepository) {
        this.access = access;
        this.personAccess = personAccess;
        this.clock = clock;
        this.classes = classes;
        this.people = people;
        this.events = events;
        this.enrolments = enrolments;
        this.classGroupRepository = classGroupRepository;
        this.personRepository = personRepository;
    }

    /**
     * Puts a pupil in a class from a day on. A pupil is in one class at a time: an enrolment still
     * running on that day ends the day before (a change of class mid-year, or a move from another
     * school). The pupil must be the caller's: a pupil of another school answers 404 before any
     * other check, so nothing about them (such as the date of their enrolment) is revealed; an
     * administrator moves a pupil between schools.
     */
    @Transactional
    public EnrolmentView enrol(EnrolInput in) {
        if (in == null) throw Problems.badRequest("body-required", "An enrolment is required");
        Person pupil = personAccess.requireManagedPerson("pupilId", in.pupilId(), PersonRole.PUPIL);
        ClassGroup c = classGroupRepository.findById(Checks.present("classId", in.classId()));
        if (c == null || !access.seesSchool(c.schoolId)) throw Problems.invalidField("classId", "unknown class");
        access.requireManagesSchool(c.schoolId);
        if (c.kind != GroupKind.CLASS) throw Problems.invalidField("classId", "is a group, not a class");
        Set<UUID> groups = groups(c.schoolId, in.groupIds());
        LocalDate startsOn = in.startsOn() == null ? clock.today() : in.startsOn();
        for (Enrolment running : enrolments.runningFrom(pupil.id, startsOn)) {
            if (!running.startsOn.isBefore(startsOn)) {
                throw Problems.conflict("enrolment-overlap", "The pupil already has an enrolment from " + running.startsOn);
            }
            running.endsOn = startsOn.minusDays(1);
            running.version++;
            events.publish(running.event());
        }
        Enrolment e = create(pupil.id, c, groups, startsOn);
        people.joinSchools(pupil, Set.of(c.schoolId));
        return EnrolmentView.of(e);
    }

    /** Records a new enrolment and publishes it (no checks: callers have made them). */
    public Enrolment create(UUID pupilId, ClassGroup c, Set<UUID> groups, LocalDate startsOn) {
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.pupilId = pupilId;
        e.schoolId = c.schoolId;
        e.classId = c.id;
        e.groupIds = new LinkedHashSet<>(groups);
        e.startsOn = startsOn;
        e.version = 1;
        enrolments.persist(e);
        events.publish(e.event());
        return e;
    }

    @Transactional
    public EnrolmentView change(UUID id, EnrolmentChange in) {
        Enrolment e = managed(id);
        if (in == null) throw Problems.badRequest("body-required", "A change is required");
        boolean changed = false;
        if (in.groupIds() != null) {
            Set<UUID> groups = groups(e.schoolId, in.groupIds());
            if (!groups.equals(e.groupIds)) {
                e.groupIds.clear();
                e.groupIds.addAll(groups);
                changed = true;
            }
        }
        if (in.endsOn() != null && !in.endsOn().equals(e.endsOn)) {
            if (in.endsOn().isBefore(e.startsOn)) throw Problems.invalidField("endsOn", "must not be before startsOn");
            e.endsOn = in.endsOn();
            changed = true;
        }
        if (changed) {
            e.version++;
            events.publish(e.event());
        }
        return EnrolmentView.of(e);
    }

    /** Withdraws an enrolment entered by mistake: it counts for no day at all. */
    @Transactional
    public void withdraw(UUID id) {
        Enrolment e = managed(id);
        if (!e.withdrawn) {
            e.withdrawn = true;
            e.version++;
            events.publish(e.event());
        }
    }

    /** A pupil's enrolments in the schools the caller may see them in ({@link PersonAccess#schoolsShownOf}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EnrolmentView> ofPupil(UUID pupilId) {
        Set<UUID> shown = personAccess.schoolsShownOf(personAccess.requireSeesPerson(pupilId));
        return enrolments.ofPupil(pupilId).stream()
                .filter(e -> shown.contains(e.schoolId)).map(EnrolmentView::of).toList();
    }

    /** The pupils in a class or group on a day, by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonView> pupilsOf(UUID classOrGroupId, LocalDate on) {
        classes.findVisible(classOrGroupId);
        List<UUID> ids = enrolments.pupilsIn(classOrGroupId, on);
        if (ids.isEmpty()) return List.of();
        return personRepository.byIds(ids).stream()
                .sorted(Comparator.comparing((Person p) -> p.lastName).thenComparing(p -> p.firstName))
                .map(people::view).toList();
    }

    private Enrolment managed(UUID id) {
        Enrolment e = enrolments.findById(id);
        if (e == null || !access.seesSchool(e.schoolId)) throw Problems.notFound("No enrolment " + id);
        access.requireManagesSchool(e.schoolId);
        return e;
    }

    private Set<UUID> groups(UUID schoolId, Set<UUID> groupIds) {
        Set<UUID> groups = groupIds == null ? Set.of() : new LinkedHashSet<>(groupIds);
        for (UUID g : groups) {
            ClassGroup group = classGroupRepository.findById(g);
            if (group == null || group.kind != GroupKind.GROUP || !Objects.equals(group.schoolId, schoolId)) {
                throw Problems.invalidField("groupIds", "unknown group " + g + " in this school");
            }
        }
        return groups;
    }
}
