package fr.ent.identity.person;

import fr.ent.web.clock.SchoolClock;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.enrolment.Enrolment;
import fr.ent.identity.enrolment.EnrolmentService.EnrolmentView;
import fr.ent.identity.guardianship.GuardianshipService;
import fr.ent.identity.guardianship.GuardianshipService.GuardianshipView;
import fr.ent.identity.person.PersonService.PersonView;
import fr.ent.identity.teaching.TeachingService;
import fr.ent.identity.teaching.TeachingService.AssignmentView;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.time.LocalDate;
import java.util.List;

/** The signed-in person's profile, with their children (guardian), classes (teacher) or enrolment (pupil). */
@Path("/api/identity/me")
public class MeResource {

    public record Child(PersonView person, GuardianshipView guardianship, List<EnrolmentView> currentEnrolments) {
    }

    public record Me(PersonView profile, List<Child> children, List<AssignmentView> teaching,
                     List<EnrolmentView> enrolments) {
    }

    @Inject CurrentUser me;
    @Inject SchoolClock clock;
    @Inject PersonService people;
    @Inject GuardianshipService guardianships;
    @Inject TeachingService teaching;

    @GET
    @RolesAllowed({"admin", "staff", "teacher", "parent", "pupil"})
    @Transactional
    public Me get() {
        Person p = me.isPerson() ? Person.findById(me.personId()) : null;
        if (p == null) throw Problems.notFound("No profile for the signed-in account");
        PersonView profile = people.view(p);
        List<Child> children = p.role != PersonRole.PARENT ? List.of()
                : guardianships.childrenOf(p.id).stream()
                .map(r -> new Child(r.person(), r.guardianship(), current(r.person().id()))).toList();
        List<AssignmentView> taught = p.role == PersonRole.TEACHER ? teaching.ofTeacher(p.id) : List.of();
        List<EnrolmentView> enrolments = p.role == PersonRole.PUPIL ? current(p.id) : List.of();
        return new Me(profile, children, taught, enrolments);
    }

    private List<EnrolmentView> current(java.util.UUID pupilId) {
        LocalDate today = clock.today();
        return Enrolment.<Enrolment>list("pupilId", Sort.by("startsOn"), pupilId).stream()
                .filter(e -> e.covers(today)).map(EnrolmentView::of).toList();
    }
}
