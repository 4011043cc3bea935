package fr.ent.grades.mark;

import fr.ent.audit.AuditTrail;
import fr.ent.directory.DirectoryPerson;
import fr.ent.grades.assessment.Assessment;
import fr.ent.grades.assessment.AssessmentService;
import fr.ent.grades.assessment.AssessmentView;
import fr.ent.grades.average.MarkRules;
import fr.ent.grades.average.SkillLevel;
import fr.ent.grades.events.GradesEvents;
import fr.ent.grades.settings.SettingsRepository;
import fr.ent.grades.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The marks of an assessment: entered all at once, all or nothing (every line is checked before
 * anything is written); once published, each change keeps the previous result in the history and
 * tells the family again ({@code MarkChanged}).
 */
@ApplicationScoped
public class MarkService {

    private final MarkRepository marks;
    private final AssessmentService assessments;
    private final SettingsRepository settings;
    private final Access access;
    private final SchoolClock clock;
    private final GradesEvents events;
    private final AuditTrail audit;

    public MarkService(MarkRepository marks, AssessmentService assessments, SettingsRepository settings, Access access,
                       SchoolClock clock, GradesEvents events, AuditTrail audit) {
        this.marks = marks;
        this.assessments = assessments;
        this.settings = settings;
        this.access = access;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public List<MarkView> enter(UUID assessmentId, MarksInput in) {
        Assessment a = assessments.writable(assessmentId);
        assessments.requireOpen(a);
        marks.lockAssessment(a.id);
        BigDecimal step = settings.of(a.schoolId).markStep;
        Set<String> items = new HashSet<>(a.skills());
        Set<UUID> seen = new HashSet<>();
        Instant now = clock.instant();
        List<StoredMark> wanted = new ArrayList<>();
        for (int i = 0; i < in.marks().size(); i++) {
            MarkInput m = in.marks().get(i);
            String at = "marks[" + i + "]";
            if (!seen.add(m.pupilId())) {
                throw Problems.invalidField(at + ".pupilId", "élève en double");
            }
            if (!assessments.isPupilOf(a, m.pupilId())) {
                throw Problems.invalidField(at + ".pupilId", "cet élève n'est pas dans la classe ou le groupe à la date de l'évaluation");
            }
            if (m.value() != null && m.marker() != null) {
                throw Problems.invalidField(at, "une note ou une mention (Abs, Disp, NN...), pas les deux");
            }
            Map<String, SkillLevel> skills = m.skills() == null ? Map.of() : new TreeMap<>(m.skills());
            if (m.value() == null && m.marker() == null && skills.isEmpty()) {
                throw Problems.invalidField(at, "une note, une mention ou des compétences");
            }
            if (m.value() != null) {
                MarkRules.problemWith(m.value(), a.scale, step).ifPresent(p -> {
                    throw Problems.invalidField(at + ".value", p);
                });
            }
            for (Map.Entry<String, SkillLevel> skill : skills.entrySet()) {
                if (!items.contains(skill.getKey()) || skill.getValue() == null) {
                    throw Problems.invalidField(at + ".skills", "compétence non évaluée par ce devoir : " + skill.getKey());
                }
            }
            wanted.add(new StoredMark(a.id, m.pupilId(), m.value() == null ? null : m.value().setScale(2),
                    m.marker(), skills, now, access.me()));
        }
        Map<UUID, StoredMark> before = marks.ofAssessment(a.id).stream()
                .collect(Collectors.toMap(StoredMark::pupilId, Function.identity()));
        List<StoredMark> written = wanted.stream().filter(m -> !m.sameResult(before.get(m.pupilId()))).toList();
        Set<UUID> removed = new LinkedHashSet<>(before.keySet());
        removed.removeAll(seen);
        Set<UUID> changed = new LinkedHashSet<>();
        written.forEach(m -> changed.add(m.pupilId()));
        changed.addAll(removed);
        if (a.isPublished()) {
            List<StoredMark> replaced = changed.stream().map(before::get).filter(java.util.Objects::nonNull).toList();
            marks.keepHistory(replaced, now, access.me());
            events.changed(a, changed, now);
        }
        marks.write(a.id, written, removed);
        audit.changed(changed.stream().map(p -> new AuditTrail.Change(a.schoolId, p, "grades.mark.enter", a.id)).toList());
        return views(marks.ofAssessment(a.id));
    }

    /** The school side of the class reads every result of the assessment. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MarkView> list(UUID assessmentId) {
        Assessment a = assessments.readableBySchool(assessmentId);
        List<StoredMark> all = marks.ofAssessment(a.id);
        audit.readAll(a.schoolId, "grades.assessment.marks", all.stream().map(StoredMark::pupilId).toList());
        return views(all);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MarkHistoryView history(UUID assessmentId, UUID pupilId) {
        Assessment a = assessments.readableBySchool(assessmentId);
        MarkView current = views(marks.ofAssessment(a.id).stream().filter(m -> m.pupilId().equals(pupilId)).toList())
                .stream().findFirst().orElse(null);
        List<MarkHistoryView.Version> previous = marks.history(a.id, pupilId);
        if (current == null && previous.isEmpty()) {
            throw Problems.notFound("Aucune note de cet élève à cette évaluation.");
        }
        audit.read(a.schoolId, pupilId, "grades.mark.history", a.id);
        return new MarkHistoryView(a.id, pupilId, current, previous);
    }

    @Transactional
    public AssessmentView publish(UUID assessmentId) {
        Assessment a = assessments.writable(assessmentId);
        marks.lockAssessment(a.id);
        Set<UUID> pupils = marks.ofAssessment(a.id).stream().map(StoredMark::pupilId).collect(Collectors.toCollection(LinkedHashSet::new));
        return assessments.publish(assessmentId, pupils);
    }

    /**
     * Withdraws an assessment never published, with its marks (a mistake before families saw it);
     * a published one stays (409): its marks can still be changed, each change kept.
     */
    @Transactional
    public void delete(UUID assessmentId) {
        Assessment a = assessments.writable(assessmentId);
        assessments.requireOpen(a);
        marks.lockAssessment(a.id);
        if (a.isPublished()) {
            throw Problems.conflict("assessment-published",
                    "Cette évaluation est publiée : ses notes peuvent être modifiées, elle ne peut plus être supprimée.");
        }
        List<StoredMark> all = marks.ofAssessment(a.id);
        marks.deleteAll(a.id);
        assessments.delete(a);
        audit.changed(all.stream().map(m -> new AuditTrail.Change(a.schoolId, m.pupilId(), "grades.mark.delete", a.id)).toList());
    }

    private List<MarkView> views(List<StoredMark> list) {
        Map<UUID, DirectoryPerson> people = assessments.people(list.stream().map(StoredMark::pupilId).toList());
        Map<UUID, StoredMark> byPupil = new HashMap<>();
        list.forEach(m -> byPupil.put(m.pupilId(), m));
        return list.stream().map(m -> {
            DirectoryPerson p = people.get(m.pupilId());
            return new MarkView(m.pupilId(), p == null ? null : p.firstName(), p == null ? null : p.lastName(), m.value(),
                    m.marker(), m.marker() == null ? null : m.marker().display(), m.skills(), m.enteredAt());
        }).sorted(Comparator.comparing((MarkView v) -> v.lastName() == null ? "" : v.lastName())
                .thenComparing(v -> v.firstName() == null ? "" : v.firstName())).toList();
    }
}
