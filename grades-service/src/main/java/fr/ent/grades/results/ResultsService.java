package fr.ent.grades.results;

import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.events.contract.identity.GroupKind;
import fr.ent.grades.assessment.Assessment;
import fr.ent.grades.assessment.AssessmentService;
import fr.ent.grades.assessment.AssessmentView;
import fr.ent.grades.average.AverageRules;
import fr.ent.grades.average.Ranks;
import fr.ent.grades.average.Contribution;
import fr.ent.grades.average.Entry;
import fr.ent.grades.average.GeneralAverage;
import fr.ent.grades.average.MarkRules;
import fr.ent.grades.average.Marker;
import fr.ent.grades.average.Statistics;
import fr.ent.grades.average.SubjectAverage;
import fr.ent.grades.mark.MarkRepository;
import fr.ent.grades.mark.StoredMark;
import fr.ent.grades.period.Period;
import fr.ent.grades.period.PeriodRepository;
import fr.ent.grades.settings.SchoolSettings;
import fr.ent.grades.settings.SettingsRepository;
import fr.ent.grades.settings.SubjectCoefficients;
import fr.ent.grades.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the marks give: a pupil's marks, averages with their explanation, "what if", evolution, and
 * the class's statistics, all through {@link AverageRules}. A family sees only the marks already
 * shown to them (pupils from the assessment's pupils' time, guardians from the guardians' time):
 * before that a mark counts in nothing they read.
 */
@ApplicationScoped
public class ResultsService {

    private final AssessmentService assessmentService;
    private final MarkRepository marks;
    private final PeriodRepository periods;
    private final SettingsRepository settings;
    private final SubjectCoefficients coefficients;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;
    private final AuditTrail audit;

    public ResultsService(AssessmentService assessmentService, MarkRepository marks,
                          PeriodRepository periods, SettingsRepository settings, SubjectCoefficients coefficients,
                          Access access, Directory directory, SchoolClock clock, AuditTrail audit) {
        this.assessmentService = assessmentService;
        this.marks = marks;
        this.periods = periods;
        this.settings = settings;
        this.coefficients = coefficients;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
        this.audit = audit;
    }

    /** One result of the pupil's, with its assessment. */
    record Row(Assessment assessment, StoredMark mark) {
        Entry entry() {
            return new Entry(assessment.id, assessment.title, assessment.subject, assessment.heldOn, assessment.coefficient,
                    assessment.scale, assessment.optional, mark.value(), mark.marker(), false);
        }
    }

    /** The pupil's results the caller sees, in a period (or all, when null). */
    record Seen(DirectoryPerson pupil, Period period, Access.Audience audience, List<Row> rows) {
    }

    private Seen seen(UUID pupilId, UUID periodId) {
        Access.Reader reader = access.requireReader(pupilId);
        Access.Audience audience = reader.audience();
        DirectoryPerson pupil = reader.pupil();
        Period period = null;
        if (periodId != null) {
            period = periods.findByIdOptional(periodId).filter(p -> pupil.schoolIds().contains(p.schoolId))
                    .orElseThrow(() -> Problems.notFound("Période introuvable."));
        }
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (MarkRepository.Result r : period == null ? marks.results(List.of(pupilId), null, null, null)
                : marks.results(List.of(pupilId), period.schoolId, period.startsOn, period.endsOn)) {
            if (r.assessment().visibleTo(audience, now)) {
                rows.add(new Row(r.assessment(), r.mark()));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.assessment().heldOn).thenComparing(r -> r.assessment().title));
        return new Seen(pupil, period, audience, rows);
    }

    /**
     * The pupil's marks: all of them for the family and the staff side; for a teacher, those of the
     * subjects they teach in the assessment's class or group (their averages come from every mark).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PupilMark> pupilMarks(UUID pupilId, UUID periodId) {
        Seen seen = seen(pupilId, periodId);
        audit.read(audit.schoolOf(seen.pupil().schoolIds()), pupilId, "grades.pupil.marks");
        Map<String, Boolean> readable = new HashMap<>();
        return seen.rows().stream().filter(r -> seen.audience() != Access.Audience.SCHOOL
                        || readable.computeIfAbsent(r.assessment().classGroupId + "/" + r.assessment().subject,
                        k -> access.readsMarksOf(r.assessment().schoolId, r.assessment().classGroupId, r.assessment().subject)))
                .map(r -> new PupilMark(r.assessment().view(), r.mark().value(), r.mark().marker(),
                r.mark().marker() == null ? null : r.mark().marker().display(), r.mark().skills(),
                r.mark().value() == null ? null : AverageRules.outOf20(r.mark().value(), r.assessment().scale)
                        .setScale(2, java.math.RoundingMode.HALF_UP))).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PeriodAverages averages(UUID pupilId, UUID periodId) {
        Seen seen = seen(pupilId, periodId);
        audit.read(seen.period().schoolId, pupilId, "grades.pupil.averages", periodId);
        SchoolSettings s = settings.of(seen.period().schoolId);
        Map<String, BigDecimal> weights = weights(seen);
        PeriodAverages mine = compute(seen, s, weights, seen.rows().stream().map(Row::entry).toList(), false);
        return s.showRank ? mine.ranked(rank(seen, s, weights)) : mine;
    }

    /**
     * The pupil's rank in their class for the period: every classmate's averages computed by the same
     * rules from the marks the caller may see of them (a family: the assessments already shown to
     * that side), compared as shown. Null when the pupil has no class.
     */
    private PeriodAverages.Rank rank(Seen seen, SchoolSettings s, Map<String, BigDecimal> weights) {
        Period period = seen.period();
        UUID classId = directory.classOf(seen.pupil().id(), dayIn(period)).orElse(null);
        if (classId == null) {
            return null;
        }
        Set<UUID> pupils = new java.util.HashSet<>(directory.pupilsOf(classId, dayIn(period)));
        pupils.add(seen.pupil().id());
        Instant now = clock.instant();
        Map<UUID, List<Entry>> byPupil = entriesOf(pupils, period, a -> a.visibleTo(seen.audience(), now));
        AverageRules rules = s.rules();
        Map<String, List<BigDecimal>> subjectAverages = new HashMap<>();
        Map<UUID, BigDecimal> generals = new HashMap<>();
        Map<String, BigDecimal> mySubjects = new HashMap<>();
        byPupil.forEach((pupil, entries) -> {
            List<SubjectAverage> subjects = rules.subjects(entries);
            for (SubjectAverage sa : subjects) {
                if (sa.average() != null) {
                    subjectAverages.computeIfAbsent(sa.subject(), k -> new ArrayList<>()).add(sa.average());
                    if (pupil.equals(seen.pupil().id())) {
                        mySubjects.put(sa.subject(), sa.average());
                    }
                }
            }
            BigDecimal general = rules.general(subjects, weights).average();
            if (general != null) {
                generals.put(pupil, general);
            }
        });
        Map<String, PeriodAverages.Place> subjects = new TreeMap<>();
        mySubjects.forEach((subject, average) -> subjects.put(subject, new PeriodAverages.Place(
                Ranks.of(average, subjectAverages.get(subject)), subjectAverages.get(subject).size())));
        BigDecimal myGeneral = generals.get(seen.pupil().id());
        PeriodAverages.Place general = myGeneral == null ? null
                : new PeriodAverages.Place(Ranks.of(myGeneral, generals.values()), generals.size());
        return new PeriodAverages.Rank(classId, subjects, general);
    }

    /** The same computation with the caller's hypotheses; nothing is stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PeriodAverages whatIf(UUID pupilId, UUID periodId, WhatIfInput in) {
        Seen seen = seen(pupilId, periodId);
        SchoolSettings s = settings.of(seen.period().schoolId);
        Map<UUID, Row> rowsById = new HashMap<>();
        seen.rows().forEach(r -> rowsById.put(r.assessment().id, r));
        Map<UUID, Entry> replaced = new HashMap<>();
        List<Entry> added = new ArrayList<>();
        for (int i = 0; i < in.hypotheses().size(); i++) {
            WhatIfInput.Hypothesis h = in.hypotheses().get(i);
            String at = "hypotheses[" + i + "]";
            if ((h.value() == null) == (h.marker() == null)) {
                throw Problems.invalidField(at, "une note ou une mention, l'une des deux");
            }
            Entry entry;
            if (h.assessmentId() != null) {
                Row row = rowsById.get(h.assessmentId());
                if (row == null) {
                    throw Problems.invalidField(at + ".assessmentId", "évaluation inconnue dans cette période");
                }
                Assessment a = row.assessment();
                entry = new Entry(a.id, a.title, a.subject, a.heldOn, a.coefficient, a.scale, a.optional, h.value(), h.marker(), true);
                if (replaced.put(a.id, entry) != null) {
                    throw Problems.invalidField(at + ".assessmentId", "évaluation en double");
                }
            } else {
                if (h.subject() == null || h.coefficient() == null) {
                    throw Problems.invalidField(at, "une matière et un coefficient, ou une évaluation");
                }
                MarkRules.problemWithCoefficient(h.coefficient()).ifPresent(p -> {
                    throw Problems.invalidField(at + ".coefficient", p);
                });
                int scale = h.scale() == null ? 20 : h.scale();
                MarkRules.problemWithScale(scale).ifPresent(p -> {
                    throw Problems.invalidField(at + ".scale", p);
                });
                entry = new Entry(UUID.randomUUID(), "Hypothèse " + (i + 1), h.subject(), null, h.coefficient(), scale,
                        Boolean.TRUE.equals(h.optional()), h.value(), h.marker(), true);
                added.add(entry);
            }
            if (h.value() != null) {
                MarkRules.problemWith(h.value(), entry.scale(), s.markStep).ifPresent(p -> {
                    throw Problems.invalidField(at + ".value", p);
                });
            }
        }
        List<Entry> entries = new ArrayList<>();
        seen.rows().forEach(r -> entries.add(replaced.getOrDefault(r.assessment().id, r.entry())));
        entries.addAll(added);
        audit.read(seen.period().schoolId, pupilId, "grades.pupil.what-if", periodId);
        return compute(seen, s, weights(seen), entries, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Evolution evolution(UUID pupilId, UUID periodId) {
        Seen seen = seen(pupilId, periodId);
        AverageRules rules = settings.of(seen.period().schoolId).rules();
        Map<String, List<Entry>> bySubject = new TreeMap<>();
        seen.rows().forEach(r -> bySubject.computeIfAbsent(r.assessment().subject, k -> new ArrayList<>()).add(r.entry()));
        List<Evolution.Subject> subjects = new ArrayList<>();
        bySubject.forEach((subject, entries) -> {
            List<Evolution.Point> points = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                SubjectAverage upToHere = rules.subject(subject, entries.subList(0, i + 1));
                Entry e = entries.get(i);
                Contribution c = upToHere.contributions().stream().filter(x -> x.assessmentId().equals(e.assessmentId()))
                        .findFirst().orElseThrow();
                points.add(new Evolution.Point(e.assessmentId(), e.title(), e.date(), c.outOf20(), c.counted(), upToHere.average()));
            }
            subjects.add(new Evolution.Subject(subject, points));
        });
        audit.read(seen.period().schoolId, pupilId, "grades.pupil.evolution", periodId);
        return new Evolution(pupilId, periodId, subjects);
    }

    /** The subject coefficients that weigh the pupil's general average in the period. */
    private Map<String, BigDecimal> weights(Seen seen) {
        return coefficients.of(classOf(seen.pupil().id(), seen.period()));
    }

    private PeriodAverages compute(Seen seen, SchoolSettings s, Map<String, BigDecimal> weights, List<Entry> entries,
                                   boolean hypothetical) {
        AverageRules rules = s.rules();
        List<SubjectAverage> subjects = rules.subjects(entries);
        GeneralAverage general = rules.general(subjects, weights);
        return new PeriodAverages(seen.pupil().id(), seen.period().id, hypothetical, rules.rounding(), subjects, general, null);
    }

    /** The class whose subject coefficients weigh the pupil's general average: the period's, or the pupil's class then. */
    private UUID classOf(UUID pupilId, Period period) {
        if (period.classGroupId != null && directory.classGroup(period.classGroupId)
                .map(g -> g.kind() == GroupKind.CLASS).orElse(false)) {
            return period.classGroupId;
        }
        return directory.classOf(pupilId, dayIn(period)).orElse(null);
    }

    private LocalDate dayIn(Period period) {
        LocalDate today = clock.today();
        return today.isBefore(period.startsOn) ? period.startsOn : today.isAfter(period.endsOn) ? period.endsOn : today;
    }

    // --- the class

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClassStatistics classStatistics(UUID classGroupId, UUID periodId) {
        DirectoryClassGroup group = access.requireClassReader(classGroupId);
        Period period = periods.findByIdOptional(periodId).filter(p -> p.schoolId.equals(group.schoolId()))
                .orElseThrow(() -> Problems.notFound("Période introuvable."));
        Set<UUID> pupils = directory.pupilsOf(classGroupId, dayIn(period));
        Map<UUID, List<Entry>> byPupil = entriesOf(pupils, period, a -> true);
        AverageRules rules = settings.of(group.schoolId()).rules();
        Map<String, BigDecimal> weights = coefficients.of(group.kind() == GroupKind.CLASS ? classGroupId : null);
        Map<String, List<BigDecimal>> subjectAverages = new TreeMap<>();
        List<BigDecimal> generals = new ArrayList<>();
        byPupil.values().forEach(entries -> {
            List<SubjectAverage> subjects = rules.subjects(entries);
            subjects.forEach(sa -> {
                if (sa.average() != null) {
                    subjectAverages.computeIfAbsent(sa.subject(), k -> new ArrayList<>()).add(sa.average());
                }
            });
            BigDecimal general = rules.general(subjects, weights).average();
            if (general != null) {
                generals.add(general);
            }
        });
        audit.readAll(group.schoolId(), "grades.class.statistics", pupils);
        List<ClassStatistics.Subject> subjects = new ArrayList<>();
        subjectAverages.forEach((subject, values) -> subjects.add(new ClassStatistics.Subject(subject, Statistics.of(values, 20))));
        return new ClassStatistics(classGroupId, periodId, pupils.size(), subjects, Statistics.of(generals, 20));
    }

    /** The pupils' results in the period's assessments of its school that pass {@code shown}, per pupil. */
    private Map<UUID, List<Entry>> entriesOf(Set<UUID> pupils, Period period, java.util.function.Predicate<Assessment> shown) {
        Map<UUID, List<Entry>> byPupil = new HashMap<>();
        for (MarkRepository.Result r : marks.results(pupils, period.schoolId, period.startsOn, period.endsOn)) {
            if (shown.test(r.assessment())) {
                byPupil.computeIfAbsent(r.mark().pupilId(), k -> new ArrayList<>()).add(new Row(r.assessment(), r.mark()).entry());
            }
        }
        return byPupil;
    }

    // --- one assessment, as families may read it too

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentView assessment(UUID assessmentId) {
        return readable(assessmentId).view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssessmentStatistics assessmentStatistics(UUID assessmentId) {
        Assessment a = readable(assessmentId);
        List<StoredMark> all = marks.ofAssessment(a.id);
        Map<Marker, Integer> markers = new EnumMap<>(Marker.class);
        List<BigDecimal> values = new ArrayList<>();
        for (StoredMark m : all) {
            if (m.value() != null) {
                values.add(m.value());
            } else if (m.marker() != null) {
                markers.merge(m.marker(), 1, Integer::sum);
            }
        }
        return new AssessmentStatistics(a.id, Statistics.of(values, a.scale), markers);
    }

    private Assessment readable(UUID assessmentId) {
        return assessmentService.readable(assessmentId, pupil -> marks.exists(assessmentId, pupil));
    }
}
