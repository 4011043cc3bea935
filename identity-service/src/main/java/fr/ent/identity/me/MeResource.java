package fr.ent.identity.me;

import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.enrolment.EnrolmentRepository;
import fr.ent.identity.enrolment.EnrolmentService.EnrolmentView;
import fr.ent.identity.guardianship.GuardianshipService;
import fr.ent.identity.guardianship.GuardianshipService.GuardianshipView;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonRepository;
import fr.ent.identity.person.PersonService;
import fr.ent.identity.person.PersonService.PersonView;
import fr.ent.identity.teaching.TeachingService;
import fr.ent.identity.teaching.TeachingService.AssignmentView;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The signed-in person's profile, with their children (guardian), classes (teacher) or enrolment (pupil). */
@Path("/api/identity/me")
public class MeResource {

    public record Child(PersonView person, GuardianshipView guardianship, List<EnrolmentView> currentEnrolments) {
    }

    public record Me(PersonView profile, List<Child> children, List<AssignmentView> teaching,
                     List<EnrolmentView> enrolments) {
    }

    private final CurrentUser me;
    private final SchoolClock clock;
    private final PersonService people;
    private final GuardianshipService guardianships;
    private final TeachingService teaching;
    private final PersonRepository personRepository;
    private final EnrolmentRepository enrolmentRepository;

    public MeResource(CurrentUser me, SchoolClock clock, PersonService people, GuardianshipService guardianships,
                      TeachingService teaching, PersonRepository personRepository, EnrolmentRepository enrolmentRepository) {
        this.me = me;
        this.clock = clock;
        this.people = people;
        this.guardianships = guardianships;
        this.teaching = teaching;
        this.personRepository = personRepository;
        this.enrolmentRepository = enrolmentRepository;
    }

    @GET
    @RolesAllowed({CurrentUser.ADMIN, CurrentUser.STAFF, CurrentUser.TEACHER, CurrentUser.PARENT, CurrentUser.PUPIL,
            CurrentUser.INSPECTOR})
    @Transactional
    public Me getMe() {
        Person p = me.isPerson() ? personRepository.findById(me.personId()) : null;
        if (p == null) throw Problems.notFound("No profile for the signed-in account");
        PersonView profile = people.view(p);
        List<Child> children = p.role != PersonRole.PARENT ? List.of()
                : guardianships.childrenOf(p.id).stream()
                .map(r -> new Child(r.person(), r.guardianship(), current(r.person().id()))).toList();
        List<AssignmentView> taught = p.role == PersonRole.TEACHER ? teaching.ofTeacher(p.id) : List.of();
        List<EnrolmentView> enrolments = p.role == PersonRole.PUPIL ? current(p.id) : List.of();
        return new Me(profile, children, taught, enrolments);
    }

    private List<EnrolmentView> current(UUID pupilId) {
        LocalDate today = clock.today();
        return enrolmentRepository.ofPupil(pupilId).stream()
                .filter(e -> e.covers(today)).map(EnrolmentView::of).toList();
    }
}
