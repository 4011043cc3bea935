package fr.ent.identity.teaching;

import fr.ent.events.contract.identity.PersonRole;
import fr.ent.identity.access.Access;
import fr.ent.identity.classes.ClassGroup;
import fr.ent.identity.classes.ClassGroupService;
import fr.ent.identity.classes.Subject;
import fr.ent.identity.common.Checks;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.person.Person;
import fr.ent.identity.person.PersonService;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        public static AssignmentView of(TeachingAssignment t) {
            ClassGroup c = ClassGroup.findById(t.classGroupId);
            Subject s = Subject.findById(t.subjectId);
            return new AssignmentView(t.id, t.teacherId, t.schoolId, t.classGroupId, c.name, t.subjectId, s.code, t.version);
        }
    }

    @Inject Access access;
    @Inject ClassGroupService classes;
    @Inject PersonService people;
    @Inject IdentityEvents events;

    @Transactional
    public AssignmentView assign(AssignmentInput in) {
        if (in == null) throw Problems.badRequest("body-required", "A teaching assignment is required");
        // a teacher of another school answers 404 before anything else (an administrator assigns across schools)
        Person teacher = access.requireManagedPerson("teacherId", in.teacherId(), PersonRole.TEACHER);
        ClassGroup c = ClassGroup.findById(Checks.present("classGroupId", in.classGroupId()));
        if (c == null || !access.seesSchool(c.schoolId)) throw Problems.invalidField("classGroupId", "unknown class or group");
        access.requireManagesSchool(c.schoolId);
        Subject s = Subject.findById(Checks.present("subjectId", in.subjectId()));
        if (s == null || !s.schoolId.equals(c.schoolId)) throw Problems.invalidField("subjectId", "unknown subject in this school");
        if (TeachingAssignment.count("teacherId = ?1 and classGroupId = ?2 and subjectId = ?3 and endedAt is null",
                teacher.id, c.id, s.id) > 0) {
            throw Problems.conflict("assignment-exists", "This teacher already teaches this subject to this class");
        }
        return AssignmentView.of(create(teacher, c, s));
    }

    public TeachingAssignment create(Person teacher, ClassGroup c, Subject s) {
        TeachingAssignment t = new TeachingAssignment();
        t.id = UUID.randomUUID();
        t.teacherId = teacher.id;
        t.schoolId = c.schoolId;
        t.classGroupId = c.id;
        t.subjectId = s.id;
        t.version = 1;
        t.persist();
        events.teaching(t, s.code);
        people.joinSchools(teacher, Set.of(c.schoolId));
        return t;
    }

    @Transactional
    public void end(UUID id) {
        TeachingAssignment t = TeachingAssignment.findById(id);
        if (t == null || t.endedAt != null || !access.seesSchool(t.schoolId)) throw Problems.notFound("No teaching assignment " + id);
        access.requireManagesSchool(t.schoolId);
        t.endedAt = OffsetDateTime.now();
        t.version++;
        events.teaching(t, Subject.<Subject>findById(t.subjectId).code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentView> ofClass(UUID classGroupId) {
        classes.findVisible(classGroupId);
        return TeachingAssignment.<TeachingAssignment>list("classGroupId = ?1 and endedAt is null", classGroupId)
                .stream().map(AssignmentView::of).toList();
    }

    /** A teacher's assignments in the schools the caller may see them in ({@link Access#schoolsShownOf}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssignmentView> ofTeacher(UUID teacherId) {
        Set<UUID> shown = access.schoolsShownOf(access.requireSeesPerson(Person.findById(teacherId), teacherId));
        return TeachingAssignment.<TeachingAssignment>list("teacherId = ?1 and endedAt is null", teacherId)
                .stream().filter(t -> shown.contains(t.schoolId)).map(AssignmentView::of).toList();
    }
}
