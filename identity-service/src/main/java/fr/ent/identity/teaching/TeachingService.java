package fr.ent.identity.teaching;

import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.classes.ClassGroupRepository;
import fr.ent.identity.classes.ClassGroupService;
import fr.ent.identity.classes.Subject;
import fr.ent.identity.classes.SubjectRepository;
import fr.ent.identity.common.Checks;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonAccess;
import fr.ent.identity.person.PersonService;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TeachingService {

    public record AssignmentInput(UUID teacherId, UUID classGroupId, UUID subjectId) {
    }

    public record AssignmentView(UUID id, UUID teacherId, UUID schoolId, UUID classGroupId, String classGroupName,
                                 UUID subjectId, String subject, long version) {
        static AssignmentView of(TeachingAssignment t, ClassGroup c, Subject s) {
            return new AssignmentView(t.id, t.teacherId, t.schoolId, t.classGroupId, c.name, t.subjectId, s.code, t.version);
        }
    }

    private final Access access;
    private final PersonAccess personAccess;
    private final ClassGroupService classes;
    private final PersonService people;
    private final IdentityEvents events;
    private final TeachingAssignmentRepository assignments;
    private final ClassGroupRepository classGroupRepository;
    private final SubjectRepository subjectRepository;

    public TeachingService(Access access, PersonAccess personAccess, ClassGroupService classes, PersonService people,
                           IdentityEvents events, TeachingAssignmentRepository assignments,
                           ClassGroupRepository classGroupRepository, SubjectRepository subjectRepository) {
        this.access = access;
        this.personAccess = personAccess;
        this.classes = classes;
        this.people = people;
        this.events = events;
        this.assignments = assignments;
        this.classGroupRepository = classGroupRepository;
        this.subjectRepository = subjectRepository;
    }

    @Transactional
    public AssignmentView assign(AssignmentInput in) {
        if (in == null) throw Problems.badRequest("body-required", "A teaching assignment is required");
        // a teacher of another school answers 404 before anything else (an administrator assigns across schools)
        Person teacher = personAccess.requireManagedPerson("teacherId", in.teacherId(), PersonRole.TEACHER);
        ClassGroup c = classGroupRepository.findById(Checks.present("classGroupId", in.classGroupId()));
        if (c == null || !access.seesSchool(c.schoolId)) throw Problems.invalidField("classGroupId", "unknown class or group");
        access.requireManagesSchool(c.schoolId);
        Subject s = subjectRepository.findById(Checks.present("subjectId", in.subjectId()));
        if (s == null || !s.schoolId.equals(c.schoolId)) throw Problems.invalidField("subjectId", "unknown subject in this school");
        if (assignments.isCurrent(teacher.id, c.id, s.id)) {
            throw Problems.conflict("assignment-exists", "This teacher already teaches this subject to this class");
        }
        return AssignmentView.of(create(teacher, c, s), c, s);
    }

    /** Records and publishes an assignment (no checks: callers have made them); the teacher joins the school. */
    public TeachingAssignment create(Person teacher, ClassGroup c, Subject s) {
        return create(teacher, c, s, false);
    }

    /** Same, saying whether the teacher is the class's professeur principal. */
    public TeachingAssignment create(Person teacher, ClassGroup c, Subject s, boolean headTeacher) {
        TeachingAssignment t = new TeachingAssignment();
        t.headTeacher = headTeacher;
        t.id = UUID.randomUUID();
        t.teacherId = teacher.id;
        t.schoolId = c.schoolId;
        t.classGroupId = c.id;
        t.subjectId = s.id;
        t.version = 1;
        assignments.persist(t);
        events.publish(t.event(s.code));
        people.joinSchools(teacher, Set.of(c.schoolId));
        return t;
    }

    /** The assignment's professeur principal flag changed (no checks: callers have made them): a new version, published. */
    public void headTeacher(TeachingAssignment t, Subject s, boolean headTeacher) {
        t.headTeacher = headTeacher;
        t.version++;
        events.publish(t.event(s.code));
    }

    @Transactional
    public void end(UUID id) {
        TeachingAssignment t = assignments.findById(id);
        if (t == null || t.endedAt != null || !access.seesSchool(t.schoolId)) throw Problems.notFound("No teaching assignment " + id);
        access.requireManagesSchool(t.schoolId);
        t.endedAt = OffsetDateTime.now();
        t.version++;
        events.publish(t.event(subjectRepository.findById(t.subjectId).code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentView> ofClass(UUID classGroupId) {
        classes.findVisible(classGroupId);
        return assignments.currentOfClass(classGroupId).stream().map(this::view).toList();
    }

    /** A teacher's assignments in the schools the caller may see them in ({@link PersonAccess#schoolsShownOf}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentView> ofTeacher(UUID teacherId) {
        Set<UUID> shown = personAccess.schoolsShownOf(personAccess.requireSeesPerson(teacherId));
        return assignments.currentOfTeacher(teacherId).stream().filter(t -> shown.contains(t.schoolId)).map(this::view).toList();
    }

    private AssignmentView view(TeachingAssignment t) {
        return AssignmentView.of(t, classGroupRepository.findById(t.classGroupId), subjectRepository.findById(t.subjectId));
    }
}
