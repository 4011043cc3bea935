package fr.ent.identity.classes;

import fr.ent.events.contract.identity.GroupKind;
import fr.ent.identity.access.Access;
import fr.ent.identity.common.Checks;
import fr.ent.identity.events.IdentityEvents;
import fr.ent.identity.school.SchoolService;
import fr.ent.identity.school.SchoolYear;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

@ApplicationScoped
public class ClassGroupService {

    public record ClassInput(String kind, String code, String name, String level, String schoolYear) {
    }

    public record ClassView(UUID id, UUID schoolId, GroupKind kind, String code, String name, String level,
                            String schoolYear, long version) {
        public static ClassView of(ClassGroup c) {
            return new ClassView(c.id, c.schoolId, c.kind, c.code, c.name, c.level, c.schoolYear, c.version);
        }
    }

    public record SubjectInput(String code, String name) {
    }

    public record SubjectView(UUID id, UUID schoolId, String code, String name) {
        static SubjectView of(Subject s) {
            return new SubjectView(s.id, s.schoolId, s.code, s.name);
        }
    }

    private final Access access;
    private final CurrentUser me;
    private final SchoolClock clock;
    private final SchoolService schools;
    private final IdentityEvents events;
    private final ClassGroupRepository classes;
    private final SubjectRepository subjects;

    public ClassGroupService(Access access, CurrentUser me, SchoolClock clock, SchoolService schools, IdentityEvents events,
                             ClassGroupRepository classes, SubjectRepository subjects) {
        this.access = access;
        this.me = me;
        this.clock = clock;
        this.schools = schools;
        this.events = events;
        this.classes = classes;
        this.subjects = subjects;
    }

    @Transactional
    public ClassView create(UUID schoolId, ClassInput in) {
        schools.find(schoolId);
        access.requireManagesSchool(schoolId);
        if (in == null) throw Problems.badRequest("body-required", "A class or group is required");
        ClassGroup c = new ClassGroup();
        c.id = UUID.randomUUID();
        c.schoolId = schoolId;
        c.kind = Checks.oneOf("kind", GroupKind.class, in.kind());
        c.code = Checks.required("code", in.code(), 40);
        c.name = in.name() == null || in.name().isBlank() ? c.code : Checks.required("name", in.name(), 100);
        c.level = Checks.optional("level", in.level(), 20);
        c.schoolYear = in.schoolYear() == null ? SchoolYear.labelOf(clock.today()) : Checks.schoolYear("schoolYear", in.schoolYear());
        if (classes.codeTaken(schoolId, c.schoolYear, c.code)) {
            throw Problems.conflict("class-code-taken", "A class or group " + c.code + " already exists in " + c.schoolYear);
        }
        c.version = 1;
        classes.persist(c);
        events.publish(c.event());
        return ClassView.of(c);
    }

    @Transactional
    public ClassView update(UUID id, ClassInput in) {
        ClassGroup c = findVisible(id);
        access.requireManagesSchool(c.schoolId);
        if (in == null) throw Problems.badRequest("body-required", "A class or group is required");
        // kind, code and school year identify the class: sent again they must be the same, never silently ignored
        unchanged("kind", in.kind(), c.kind.name());
        unchanged("code", in.code(), c.code);
        unchanged("schoolYear", in.schoolYear(), c.schoolYear);
        String name = in.name() == null ? c.name : Checks.required("name", in.name(), 100);
        String level = in.level() == null ? c.level : Checks.optional("level", in.level(), 20);
        if (!name.equals(c.name) || !Objects.equals(level, c.level)) {
            c.name = name;
            c.level = level;
            c.version++;
            events.publish(c.event());
        }
        return ClassView.of(c);
    }

    private static void unchanged(String field, String sent, String current) {
        if (sent != null && !sent.equalsIgnoreCase(current)) {
            throw Problems.invalidField(field, "cannot be changed (it is " + current + ")");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClassView get(UUID id) {
        return ClassView.of(findVisible(id));
    }

    /** A school's classes and groups: all of them for its staff, the ones they teach for a teacher. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClassView> list(UUID schoolId, String schoolYear) {
        schools.find(schoolId);
        return classes.ofSchool(schoolId, schoolYear).stream().filter(this::seesRoster).map(ClassView::of).toList();
    }

    /** The class or group, or 404 unless the caller may see its list. */
    public ClassGroup findVisible(UUID id) {
        ClassGroup c = classes.findById(id);
        if (c == null || !seesRoster(c)) throw Problems.notFound("No class or group " + id);
        return c;
    }

    /** Class lists: the school's staff and integrations, and the teachers who teach that class or group. */
    private boolean seesRoster(ClassGroup c) {
        return me.readsAsStaffOf(c.schoolId) || (me.hasRole(CurrentUser.TEACHER) && access.teaches(c.id));
    }

    @Transactional
    public SubjectView addSubject(UUID schoolId, SubjectInput in) {
        schools.find(schoolId);
        access.requireManagesSchool(schoolId);
        if (in == null) throw Problems.badRequest("body-required", "A subject is required");
        Subject s = new Subject();
        s.id = UUID.randomUUID();
        s.schoolId = schoolId;
        s.code = Checks.required("code", in.code(), 40).toUpperCase();
        s.name = in.name() == null || in.name().isBlank() ? s.code : Checks.required("name", in.name(), 100);
        if (subjects.codeTaken(schoolId, s.code)) {
            throw Problems.conflict("subject-code-taken", "Subject " + s.code + " already exists");
        }
        subjects.persist(s);
        return SubjectView.of(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubjectView> subjects(UUID schoolId) {
        schools.find(schoolId);
        return subjects.ofSchool(schoolId).stream().map(SubjectView::of).toList();
    }
}
