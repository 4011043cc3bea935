package fr.ent.grades.assessment;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.grades.average.MarkRules;
import fr.ent.grades.average.SocleItems;
import fr.ent.grades.events.GradesEvents;
import fr.ent.grades.period.Period;
import fr.ent.grades.period.PeriodRepository;
import fr.ent.grades.settings.SchoolSettings;
import fr.ent.grades.settings.SettingsRepository;
import fr.ent.grades.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Assessments: set by a teacher of the subject (or the staff), published at once, read by the school side. */
@ApplicationScoped
public class AssessmentService {

    private final AssessmentRepository assessments;
    private final PeriodRepository periods;
    private final SettingsRepository settings;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;
    private final GradesEvents events;

    public AssessmentService(AssessmentRepository assessments, PeriodRepository periods, SettingsRepository settings,
                             Access access, Directory directory, SchoolClock clock, GradesEvents events) {
        this.assessments = assessments;
        this.periods = periods;
        this.settings = settings;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public AssessmentView create(AssessmentInput in) {
        DirectoryClassGroup group = directory.classGroup(in.classGroupId()).orElse(null);
        // a class that is not the caller's is answered like an unknown one, and before anything else is judged
        if (group == null || !access.marks(group.schoolId(), group.id(), in.subject())) {
            throw Problems.invalidField("classGroupId", "classe ou groupe inconnu, ou matière que vous n'y enseignez pas");
        }
        UUID teacherId = teacherOf(group, in);
        MarkRules.problemWithCoefficient(in.coefficient()).ifPresent(p -> {
            throw Problems.invalidField("coefficient", p);
        });
        int scale = in.scale() == null ? 20 : in.scale();
        List<String> skills = in.skills() == null ? List.of() : in.skills();
        for (int i = 0; i < skills.size(); i++) {
            if (!SocleItems.isItem(skills.get(i))) {
                throw Problems.invalidField("skills[" + i + "]", "élément du socle commun inconnu (D1.1, D1.2, D1.3, D1.4, D2, D3, D4, D5)");
            }
        }
        if (new LinkedHashSet<>(skills).size() != skills.size()) {
            throw Problems.invalidField("skills", "un élément du socle figure deux fois");
        }
        if (in.pupilsOn() != null && in.pupilsOn().isBefore(in.heldOn())) {
            throw Problems.invalidField("pupilsOn", "la publication aux élèves précède la date de l'évaluation");
        }
        Period period = periods.covering(group.schoolId(), group.id(), in.heldOn())
                .orElseThrow(() -> Problems.invalidField("heldOn", "aucune période de notation ne couvre cette date"));
        if (period.isLocked(clock.today())) {
            throw Problems.conflict("period-locked", "La période « " + period.name + " » est verrouillée : les notes n'y changent plus.");
        }
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.schoolId = group.schoolId();
        a.classGroupId = group.id();
        a.subject = in.subject();
        a.teacherId = teacherId;
        a.periodId = period.id;
        a.title = in.title().strip();
        a.heldOn = in.heldOn();
        a.coefficient = in.coefficient();
        a.scale = scale;
        a.optional = Boolean.TRUE.equals(in.optional());
        a.skillItems = String.join(",", skills);
        a.pupilsOn = in.pupilsOn();
        a.guardianDelayDays = in.guardianDelayDays();
        a.createdAt = clock.instant();
        a.createdBy = access.me();
        assessments.persist(a);
        return a.view();
    }

    /** A teacher sets their own assessments; the staff name a teacher of that subject there. */
    private UUID teacherOf(DirectoryClassGroup group, AssessmentInput in) {
        if (access.isStaffOf(group.schoolId())) {
            if (in.teacherId() == null) {
                if (access.isPerson() && directory.teaches(access.personId(), group.id(), in.subject())) {
                    return access.personId();
                }
                throw Problems.invalidField("teacherId", "indiquez l'enseignant de la matière");
            }
            if (!directory.teaches(in.teacherId(), group.id(), in.subject())) {
                throw Problems.invalidField("teacherId", "cet enseignant n'enseigne pas cette matière à cette classe");
            }
            return in.teacherId();
        }
        if (in.teacherId() != null && !in.teacherId().equals(access.personId())) {
            throw Problems.invalidField("teacherId", "un enseignant ne crée que ses propres évaluations");
        }
        return access.personId();
    }

    /** The assessment, if the caller may set its marks (404 otherwise). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Assessment writable(UUID id) {
        Assessment a = assessments.findByIdOptional(id).orElseThrow(AssessmentService::notFound);
        if (!access.marks(a.schoolId, a.classGroupId, a.subject)) {
            throw notFound();
        }
        return a;
    }

    /** The assessment, if the caller reads its marks as the school (staff side, teachers of its subject there); 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Assessment readableBySchool(UUID id) {
        Assessment a = assessments.findByIdOptional(id).orElseThrow(AssessmentService::notFound);
        if (!access.readsMarksOf(a.schoolId, a.classGroupId, a.subject)) {
            throw notFound();
        }
        return a;
    }

    /**
     * The assessment, if the caller reads it: the staff side, a teacher of its subject there; a pupil with a result in
     * it once pupils see it; a guardian of such a pupil once guardians see it. Else 404.
     *
     * @param hasResult whether a pupil has a result in it
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Assessment readable(UUID id, Function<UUID, Boolean> hasResult) {
        Assessment a = assessments.findByIdOptional(id).orElseThrow(AssessmentService::notFound);
        if (access.readsMarksOf(a.schoolId, a.classGroupId, a.subject)) {
            return a;
        }
        Instant now = clock.instant();
        if (access.isPupil() && a.visibleTo(Access.Audience.PUPIL, now) && hasResult.apply(access.personId())) {
            return a;
        }
        if (a.visibleTo(Access.Audience.GUARDIAN, now) && access.isPerson()
                && directory.childrenOf(access.personId()).stream().anyMatch(hasResult::apply)) {
            return a;
        }
        throw notFound();
    }

    /** The class's assessments: all of them for the staff side, those of their subjects for its teachers. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AssessmentView> ofClass(UUID classGroupId, UUID periodId) {
        DirectoryClassGroup group = access.requireClassReader(classGroupId);
        LocalDate from = LocalDate.of(1900, 1, 1);
        LocalDate to = LocalDate.of(2999, 12, 31);
        if (periodId != null) {
            Period p = periods.findByIdOptional(periodId).orElseThrow(() -> Problems.invalidField("periodId", "période inconnue"));
            from = p.startsOn;
            to = p.endsOn;
        }
        java.util.Map<String, Boolean> readable = new java.util.HashMap<>();
        return assessments.ofClass(classGroupId, from, to).stream()
                .filter(a -> readable.computeIfAbsent(a.subject, subject -> access.readsMarksOf(group.schoolId(), classGroupId, subject)))
                .map(Assessment::view).toList();
    }

    /** The period of the assessment, refusing a change once it is locked (409). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Period requireOpen(Assessment a) {
        Period period = periods.findById(a.periodId);
        if (period.isLocked(clock.today())) {
            throw Problems.conflict("period-locked", "La période « " + period.name + " » est verrouillée : les notes n'y changent plus.");
        }
        return period;
    }

    /**
     * Publishes the marks: pupils see them from the start of the day the assessment says (or the
     * school's delay after today), guardians the school's (or the assessment's) days after that;
     * never before now. Publishing again changes nothing.
     */
    @Transactional
    public AssessmentView publish(UUID id, Set<UUID> pupilsWithResult) {
        Assessment a = writable(id);
        requireOpen(a);
        if (a.isPublished()) {
            return a.view();
        }
        SchoolSettings s = settings.of(a.schoolId);
        Instant now = clock.instant();
        LocalDate pupilsDay = a.pupilsOn != null ? a.pupilsOn : clock.today().plusDays(s.pupilDelayDays);
        int guardianDelay = a.guardianDelayDays != null ? a.guardianDelayDays : s.guardianDelayDays;
        a.publishedAt = now;
        a.pupilsVisibleAt = later(pupilsDay.atStartOfDay(clock.zone()).toInstant(), now);
        a.guardiansVisibleAt = later(pupilsDay.plusDays(guardianDelay).atStartOfDay(clock.zone()).toInstant(), now);
        events.published(a, List.copyOf(pupilsWithResult));
        return a.view();
    }

    /** Removes the assessment itself (its marks first: {@code MarkService.delete}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(Assessment a) {
        assessments.delete(a);
        assessments.flush();
    }

    /** The pupils' names, for the school's lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<UUID, DirectoryPerson> people(java.util.Collection<UUID> ids) {
        return directory.people(ids);
    }

    /** Whether the pupil was in the assessment's class or group on its day. */
    public boolean isPupilOf(Assessment a, UUID pupilId) {
        return directory.isPupilOf(pupilId, a.classGroupId, a.heldOn)
                && directory.person(pupilId).map(p -> p.role() == PersonRole.PUPIL).orElse(false);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static RuntimeException notFound() {
        return Relationships.notYours("Évaluation introuvable.");
    }
}
